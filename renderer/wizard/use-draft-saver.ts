import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import { call } from '../api/pledge';
import type { DraftPatch } from './draft-patch';
import { isEmptyPatch, mergePatches } from './draft-patch';

export type { DraftPatch } from './draft-patch';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; savedAt: string }
  | { status: 'error'; error: ApiError; willRetry: boolean };

export interface DraftSaver {
  state: SaveState;
  /** Merges a change into the pending save; it is sent after `DEBOUNCE_MS` of quiet, or at once if `now`. */
  queue(patch: DraftPatch, now?: boolean): void;
  /** Sends everything pending and waits; true when the server holds every change. */
  flush(): Promise<boolean>;
}

const DEBOUNCE_MS = 300;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];
/** Errors that another attempt cannot fix: the draft is gone or frozen, or the input is malformed. */
const FINAL_CODES = new Set(['DRAFT_NOT_FOUND', 'DRAFT_FINALIZED', 'VALIDATION', 'UNKNOWN_METHOD']);

/**
 * Saves a draft as it is edited: changes are merged, debounced and sent with `drafts.update`, one request at a
 * time. A failed save keeps its changes pending and retries with back-off; a value the server rejects
 * (`INVALID_VALUE` naming a field) is dropped from the retry and reported through `onFieldRejected`.
 * Pending changes are flushed on unmount and when the page is hidden or unloaded.
 */
export function useDraftSaver(draftId: string, onFieldRejected: (fieldId: string, error: ApiError) => void): DraftSaver {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const pending = useRef<DraftPatch>({});
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const rejected = useRef(onFieldRejected);
  rejected.current = onFieldRejected;

  const clearTimer = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const send = useCallback(
    async (patch: DraftPatch): Promise<boolean> => {
      setState({ status: 'saving' });
      const res = await call('drafts.update', { id: draftId, ...patch });
      if (res.ok) {
        attempt.current = 0;
        setState({ status: 'saved', savedAt: res.value.savedAt });
        return true;
      }
      const { error } = res;
      let back = patch;
      if ((error.code === 'INVALID_VALUE' || error.code === 'UNKNOWN_FIELD') && error.field && patch.values?.[error.field] !== undefined) {
        const rest = { ...patch.values };
        delete rest[error.field];
        back = { ...patch, values: rest };
        rejected.current(error.field, error);
      }
      pending.current = mergePatches(back, pending.current);
      const willRetry = !FINAL_CODES.has(error.code);
      setState({ status: 'error', error, willRetry });
      if (willRetry) {
        const delay = RETRY_MS[Math.min(attempt.current, RETRY_MS.length - 1)] as number;
        attempt.current += 1;
        clearTimer();
        timer.current = setTimeout(() => void flushRef.current(), back === patch ? delay : 0);
      }
      return false;
    },
    [draftId],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimer();
    let ok = true;
    for (;;) {
      if (inFlight.current) {
        ok = await inFlight.current;
        continue;
      }
      if (isEmptyPatch(pending.current)) return ok;
      const patch = pending.current;
      pending.current = {};
      const sending = send(patch);
      inFlight.current = sending;
      ok = await sending;
      inFlight.current = null;
      if (!ok) return false;
    }
  }, [send]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  const queue = useCallback((patch: DraftPatch, now = false) => {
    pending.current = mergePatches(pending.current, patch);
    clearTimer();
    timer.current = setTimeout(() => void flushRef.current(), now ? 0 : DEBOUNCE_MS);
  }, []);

  useEffect(() => {
    const flushSoon = (): void => void flushRef.current();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flushSoon();
    };
    window.addEventListener('pagehide', flushSoon);
    window.addEventListener('beforeunload', flushSoon);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushSoon);
      window.removeEventListener('beforeunload', flushSoon);
      document.removeEventListener('visibilitychange', onVisibility);
      flushSoon();
    };
  }, []);

  return useMemo(() => ({ state, queue, flush }), [state, queue, flush]);
}
