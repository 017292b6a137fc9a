import type { MethodInput } from '../../electron/shared/api';
import type { ApiResult } from '../../electron/shared/api-error';
import type { JobMethod, JobResults, JobStatus } from '../../electron/shared/dto';
import { call } from './pledge';

/** How often a running job is asked for its progress. */
const POLL_MS = 200;

/**
 * Runs a long method as a host job (`jobs.start`) and polls `jobs.get` until it ends, reporting every status
 * to `onProgress`. Resolves to the same envelope the direct call would: the result, or the job's error.
 * Stops polling (resolving to null) when `signal` aborts, e.g. when the screen is left; the job itself runs on.
 */
export async function runJob<M extends JobMethod>(
  start: Extract<MethodInput<'jobs.start'>, { method: M }>,
  onProgress: (status: JobStatus) => void,
  signal?: AbortSignal,
): Promise<ApiResult<JobResults[M]> | null> {
  const started = await call('jobs.start', start);
  if (!started.ok) return started;
  for (;;) {
    if (signal?.aborted) return null;
    const res = await call('jobs.get', { id: started.value.id });
    if (!res.ok) return res;
    if (signal?.aborted) return null;
    onProgress(res.value);
    if (res.value.state === 'done') return { ok: true, value: res.value.result as JobResults[M] };
    if (res.value.state === 'failed') return { ok: false, error: res.value.error ?? { code: 'INTERNAL', message: 'the job failed' } };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
