import type { Session, WebContents } from 'electron';
import { BLOB_SCHEME, isAppUrl } from './app-url';

/**
 * Content-Security-Policy sent with every `app://` response. It must stay identical to the meta CSP in
 * `renderer/index.html` (a unit test compares them when that file exists): the header protects the page even if
 * the meta tag is dropped by a build step, and the meta tag protects browser mode, where no header is set.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob: pledge-blob:; frame-src 'self' blob: pledge-blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; connect-src 'self'";

/**
 * Chromium's built-in PDF viewer is an internal extension with this fixed id; a `pledge-blob:` PDF shown in a
 * frame or the print window loads its viewer from `chrome-extension://<id>/`. It is the only extension allowed
 * in a packaged build.
 */
export const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Schemes any web contents may request. Everything else (http, https, file, ftp, ws, …) is cancelled. */
const ALLOWED_SCHEMES = new Set(['app:', `${BLOB_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export interface RequestPolicy {
  /** Allow every `chrome-extension:` URL (DevTools' own extensions). True only in unpackaged development runs. */
  allowDevtoolsExtensions?: boolean;
}

/**
 * The network allow-list: true when a web contents may fetch `url`.
 *
 * The app is offline by design and its data is private, so an allow-list by scheme is the whole policy: no
 * `http(s):` (nothing may leak to the network), no `file:` (the page must not read the disk behind the host's
 * back). `app:` is further restricted to our own host.
 */
export function isAllowedRequestUrl(url: string, policy: RequestPolicy = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'app:') return isAppUrl(url);
  if (ALLOWED_SCHEMES.has(scheme)) return true;
  if (scheme === 'chrome-extension:') {
    return policy.allowDevtoolsExtensions === true || parsed.hostname.toLowerCase() === PDF_VIEWER_EXTENSION_ID;
  }
  return false;
}

/**
 * Session-wide hardening, applied to the default session before any window exists: every permission request
 * and check is denied (the app needs no camera, notifications, geolocation, …), downloads are refused (saving a
 * PDF goes through the save dialog in save-pdf.ts), and every request outside the allow-list is cancelled.
 */
export function hardenSession(session: Session, policy: RequestPolicy = {}): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, policy);
    if (!allowed) console.warn(`Pledge Desk: blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/**
 * Per-web-contents guards, attached from `app.on('web-contents-created')` so that no window can be created
 * without them: the page cannot navigate or be redirected away from the app origin, cannot open windows (denied
 * outright; app data is never handed to `shell.openExternal`), and cannot attach a `<webview>`.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
