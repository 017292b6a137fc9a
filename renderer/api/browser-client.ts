import type { PledgeApi } from '../../electron/shared/api';
import type { ApiError, ApiResult, ErrorCode } from '../../electron/shared/api-error';
import { isErrorCode } from '../../electron/shared/api-error';
import { METHOD_NAMES } from '../../electron/shared/method-names';

export interface BrowserClientOptions {
  /** Called once per 403: the session cookie is missing or stale and only a new `pledge serve` link helps. */
  onSessionExpired?: () => void;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Where the token arrives; defaults to `window.location` and `window.history`. */
  location?: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history?: Pick<History, 'replaceState' | 'state'>;
}

/**
 * Why: requests sent while the page unloads (the last draft save) survive only with `keepalive`, which the
 * browser allows for bodies up to 64 KiB in total. Signatures are larger and are never sent during unload.
 */
const KEEPALIVE_LIMIT = 60_000;

const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

/** Reads `#token=…` from the hash; null when the page was opened (or reloaded) without one. */
export function readToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

function isEnvelope(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const env = body as { ok: unknown; error?: { code?: unknown } };
  if (env.ok === true) return 'value' in body;
  return env.ok === false && typeof env.error === 'object' && env.error !== null && isErrorCode(env.error.code);
}

/** Maps a non-200 answer of the loopback server to an envelope; the UI never sees a thrown error. */
function statusToError(status: number, route: string): { ok: false; error: ApiError } {
  switch (status) {
    case 403:
      return fail('INTERNAL', `session refused (HTTP 403) on ${route}`);
    case 404:
      return route.startsWith('/api/') ? fail('UNKNOWN_METHOD', `no such method: ${route}`) : fail('BLOB_NOT_FOUND', `not found: ${route}`);
    case 413:
      return route === '/blobs' ? fail('BLOB_TOO_LARGE', 'the file is too large') : fail('VALIDATION', 'the request is too large');
    case 400:
      return fail('VALIDATION', `bad request (HTTP 400) on ${route}`);
    default:
      return fail('INTERNAL', `HTTP ${status} on ${route}`);
  }
}

/**
 * Builds the same object the Electron preload exposes as `window.pledge`, backed by `fetch` to the loopback
 * server of `pledge serve`: `POST /api/<method>` with the JSON input, `POST /blobs` with raw bytes.
 * The first call waits for the session handshake, which trades the one-time `#token=` for a cookie.
 */
export function createBrowserClient(options: BrowserClientOptions = {}): PledgeApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const loc = options.location ?? window.location;
  const hist = options.history ?? window.history;
  let expiredReported = false;

  const reportExpired = (): void => {
    if (expiredReported) return;
    expiredReported = true;
    options.onSessionExpired?.();
  };

  const session = (async (): Promise<void> => {
    const token = readToken(loc.hash);
    if (token === null) return; // After a reload the cookie may already be set: just try the calls.
    try {
      const res = await doFetch('/api/session', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        credentials: 'same-origin',
      });
      if (res.status === 403 || res.status === 401) reportExpired();
    } catch {
      // A network failure surfaces on the first real call, as an envelope.
    } finally {
      // Why: the token must not stay in the address bar, the history or a bookmark.
      hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}`);
    }
  })();

  const post = async (route: string, body: BodyInit, contentType: string, keepalive: boolean): Promise<ApiResult<unknown>> => {
    await session;
    let res: Response;
    try {
      res = await doFetch(route, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body,
        credentials: 'same-origin',
        keepalive,
      });
    } catch (err) {
      return fail('INTERNAL', `network error: ${err instanceof Error ? err.message : String(err)}`);
    }
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      // Non-JSON body (a plain-text 403/404): the status decides below.
    }
    if (res.status === 200 && isEnvelope(parsed)) return parsed;
    if (res.status === 403) reportExpired();
    if (isEnvelope(parsed) && !parsed.ok) return parsed;
    if (res.status === 200) return fail('INTERNAL', `malformed answer from ${route}`);
    return statusToError(res.status, route);
  };

  const api: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (input: unknown) => {
      const json = JSON.stringify(input ?? {});
      return post(`/api/${method}`, json, 'application/json', json.length <= KEEPALIVE_LIMIT);
    };
  }
  api['blobs.put'] = (bytes: unknown) => post('/blobs', bytes as ArrayBuffer, 'application/octet-stream', false);
  return Object.freeze(api) as unknown as PledgeApi;
}
