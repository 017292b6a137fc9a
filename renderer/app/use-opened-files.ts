import { useEffect, useState } from 'react';
import type { OpenedFile } from '../../electron/shared/dto';
import { call } from '../api/pledge';

/** How often the desktop page asks for files opened with the app while it is visible. */
export const OPENED_FILES_POLL_MS = 1500;

/**
 * Files the operating system opened with the app (a double-clicked `.pledgebundle`, "Open with" on a PDF, a
 * second launch), oldest first, with a function to drop the first once it is dealt with. Asks `app.openedFiles`
 * (which hands each file over once) on mount and whenever the window gets focus — the shell focuses it when a
 * file arrives — and, with `poll` (the desktop app, where files arrive while it runs), every
 * `OPENED_FILES_POLL_MS` while the page is visible. In browser mode files only come with `pledge serve FILE`.
 * Asks nothing until `enabled`.
 */
export function useOpenedFiles(enabled: boolean, poll: boolean): [OpenedFile[], () => void] {
  const [files, setFiles] = useState<OpenedFile[]>([]);
  useEffect(() => {
    // Not before the host said it runs normally (a recovery host has no files to give).
    if (!enabled) return;
    let stopped = false;
    let asking = false;
    const ask = async (): Promise<void> => {
      if (asking || stopped || document.visibilityState === 'hidden') return;
      asking = true;
      try {
        const res = await call('app.openedFiles', {});
        if (!stopped && res.ok && res.value.length > 0) setFiles((queue) => [...queue, ...res.value]);
      } finally {
        asking = false;
      }
    };
    void ask();
    const timer = poll ? window.setInterval(() => void ask(), OPENED_FILES_POLL_MS) : undefined;
    const onFocus = (): void => void ask();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [enabled, poll]);
  return [files, () => setFiles((queue) => queue.slice(1))];
}
