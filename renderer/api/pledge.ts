import type { MethodInput, MethodResult, PledgeApi } from '../../electron/shared/api';
import type { ApiResult } from '../../electron/shared/api-error';
import type { MethodName } from '../../electron/shared/method-names';
import { createBrowserClient } from './browser-client';

const expiredListeners = new Set<() => void>();
let sessionExpired = false;
let client: PledgeApi | undefined;

/** The API object: the preload's `window.pledge` in Electron, a fetch-backed twin in browser mode. */
export function pledge(): PledgeApi {
  client ??=
    window.pledge ??
    createBrowserClient({
      onSessionExpired: () => {
        sessionExpired = true;
        expiredListeners.forEach((listener) => listener());
      },
    });
  return client;
}

/** Typed call of one contract method; resolves to the envelope and never throws. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodResult<M>>> {
  const fn = pledge()[method] as (input: MethodInput<M>) => Promise<ApiResult<MethodResult<M>>>;
  try {
    return await fn(input);
  } catch (err) {
    // Why: a preload or IPC failure would otherwise reach React as an exception; the contract says envelopes only.
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
}

/** Subscribes to "the browser session was refused"; returns the unsubscribe function. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  if (sessionExpired) listener();
  return () => expiredListeners.delete(listener);
}

/** Uploads raw bytes (an imported document) and resolves to their blob id; never throws. */
export async function putBlob(bytes: ArrayBuffer): Promise<ApiResult<{ blobId: string }>> {
  try {
    return await pledge()['blobs.put'](bytes);
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
}
