import { useCallback, useState } from 'react';

/** The memory router's locations. The URL is left alone: its hash carries the session token in browser mode. */
export type Screen =
  | { name: 'home' }
  | { name: 'wizard'; draftId: string }
  | { name: 'record'; archiveId: string; from?: RecordOrigin }
  | { name: 'archive' }
  | { name: 'verify'; opened?: number }
  | { name: 'import' }
  | { name: 'bundle-import'; opened?: number }
  | { name: 'stamp'; opened?: number }
  | { name: 'edit-template'; templateId: string };

/** Where a record was opened from: its "back" button returns there. */
export type RecordOrigin = 'home' | 'archive' | 'verify';
const ORIGINS: readonly string[] = ['home', 'archive', 'verify'];

const STORAGE_KEY = 'pledge-desk:screen';

export function isScreen(value: unknown): value is Screen {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (s.name === 'home') return true;
  if (s.name === 'wizard') return typeof s.draftId === 'string';
  if (s.name === 'record') return typeof s.archiveId === 'string' && (s.from === undefined || ORIGINS.includes(s.from as string));
  if (s.name === 'archive' || s.name === 'verify') return true;
  if (s.name === 'import' || s.name === 'bundle-import') return true;
  if (s.name === 'stamp') return true;
  if (s.name === 'edit-template') return typeof s.templateId === 'string';
  return false;
}

function readStored(): Screen {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return isScreen(parsed) ? parsed : { name: 'home' };
  } catch {
    return { name: 'home' };
  }
}

/**
 * The current screen, kept in sessionStorage so that a reload (or a crash-restart of the window) comes back to
 * the same draft; the draft's step comes from the database.
 */
export function useScreen(): [Screen, (next: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(readStored);
  const go = useCallback((next: Screen) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage may be disabled; the app still works, it just forgets the screen on reload.
    }
    setScreen(next);
    window.scrollTo(0, 0);
  }, []);
  return [screen, go];
}
