import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiResult } from '../../electron/shared/api-error';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'error'; error: ApiError };

export interface UseApiOptions {
  /** While reloading, keep showing the last good value instead of "loading" (lists that refresh as you type). */
  keepPrevious?: boolean;
}

/**
 * Loads one API result for a component and reloads when `deps` change or `reload()` is called.
 * A stale answer (deps changed meanwhile, or the component unmounted) is dropped.
 */
export function useApi<T>(load: () => Promise<ApiResult<T>>, deps: readonly unknown[], options: UseApiOptions = {}): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const keep = options.keepPrevious === true;
  useEffect(() => {
    let live = true;
    setResult((previous) => (keep && previous.state === 'ok' ? previous : { state: 'loading' }));
    void load().then((res) => {
      if (!live) return;
      setResult(res.ok ? { state: 'ok', value: res.value } : { state: 'error', error: res.error });
    });
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `deps` say when what it reads has changed.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
