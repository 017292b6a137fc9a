import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ArchiveRecord } from '../../electron/shared/dto';
import { call } from '../api/pledge';

/** A record's personal data in full, as one reveal answered it. */
export type RevealedPersonal = Pick<ArchiveRecord, 'signerDetails' | 'values'>;

export interface Reveal {
  /** The personal data in full while it is shown for this record, else null. */
  shown: RevealedPersonal | null;
  /** True while a reveal is on its way (the button waits). */
  pending: boolean;
  /** Asks the host once (which logs a `revealed` event); resolves to the error, or null. */
  show: () => Promise<ApiError | null>;
  hide: () => void;
}

/**
 * Showing a record's personal data in full. Every `archive.get` with `reveal` leaves an event in the audit
 * log, so the reveal is its own call made only on the user's click: reloads of the record (after a print, a
 * scan, a void) and re-renders read it masked and keep the revealed details from that one answer.
 * `onLogged` reloads the record so that its history shows the new event. Hidden again when the record changes.
 */
export function useReveal(archiveId: string, onLogged: () => void): Reveal {
  const [shown, setShown] = useState<(RevealedPersonal & { id: string }) | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => setShown(null), [archiveId]);

  const show = useCallback(async (): Promise<ApiError | null> => {
    setPending(true);
    const res = await call('archive.get', { id: archiveId, reveal: true });
    setPending(false);
    if (!res.ok) return res.error;
    if (res.value.personalData === 'revealed') setShown({ id: archiveId, signerDetails: res.value.signerDetails, values: res.value.values });
    onLogged();
    return null;
  }, [archiveId, onLogged]);
  const hide = useCallback(() => setShown(null), []);

  return { shown: shown?.id === archiveId ? shown : null, pending, show, hide };
}
