import { useEffect, useState } from 'react';
import type { MethodInput } from '../../electron/shared/api';
import type { ApiError } from '../../electron/shared/api-error';
import type { ArchiveSearchResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';

export interface ArchiveSearch {
  /** The latest answer (kept while the next one is on its way, so the table does not flicker). */
  result: ArchiveSearchResult | null;
  error: ApiError | null;
  /** True while the answer shown is not yet for the current input. */
  pending: boolean;
  reload: () => void;
}

/** Runs `archive.search` whenever the input changes; a stale answer (the input changed meanwhile) is dropped. */
export function useArchiveSearch(input: MethodInput<'archive.search'>): ArchiveSearch {
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ key: string; result: ArchiveSearchResult | null; error: ApiError | null }>({ key: '', result: null, error: null });
  useEffect(() => {
    let live = true;
    void call('archive.search', JSON.parse(key) as MethodInput<'archive.search'>).then((res) => {
      if (!live) return;
      setState((previous) => (res.ok ? { key, result: res.value, error: null } : { key, result: previous.result, error: res.error }));
    });
    return () => {
      live = false;
    };
  }, [key, generation]);
  return { result: state.result, error: state.error, pending: state.key !== key, reload: () => setGeneration((g) => g + 1) };
}
