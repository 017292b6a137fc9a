/**
 * The app's own origin. The renderer is served from `app://pledge-desk/`, and this file is the one place that
 * decides whether a URL belongs to it: the navigation guard, the IPC sender check and the protocol handler all
 * ask here, so the three can never disagree about what "our page" means.
 */

/** Privileged scheme that serves the built renderer (registered as standard + secure before `ready`). */
export const APP_SCHEME = 'app';
/** Fixed host of the app origin; any other host under `app:` is refused. */
export const APP_HOST = 'pledge-desk';
/** Where the main window starts. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** Privileged scheme that serves stored blobs and archived PDFs by content hash. */
export const BLOB_SCHEME = 'pledge-blob';
/** What the host prefixes blob ids with, so `archive.get` returns URLs the window can load. */
export const BLOB_URL_PREFIX = `${BLOB_SCHEME}://`;

/**
 * True when `url` is on the app origin (`app://pledge-desk`, no credentials, no port).
 *
 * We compare scheme and host instead of `URL.origin`: Node's WHATWG URL gives an opaque origin (`"null"`) for
 * non-special schemes, so `origin` would not match in unit tests even though Chromium reports `app://pledge-desk`
 * for a standard scheme. Chromium lowercases hosts of standard schemes, so the host is compared lowercased.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
