import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import type { Host } from '../host/host';
import { APP_HOST, APP_SCHEME, BLOB_SCHEME } from './app-url';
import { APP_CSP } from './security';

/** Content types of the files a Vite build emits; anything else is served as opaque bytes. */
const APP_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Blob types the window may render inline; anything else is sent as a sandboxed download-only octet stream. */
const INLINE_BLOB_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const BLOB_ID = /^[0-9a-f]{64}$/;
const APP_BLOB_PATH = /^\/blobs\/([0-9a-f]{64})$/;

/** The subset of `node:path` that `resolveAppPath` uses; injectable so tests can check Windows semantics too. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps the path of an `app://pledge-desk/…` URL to a file under `root`, or null when the path could escape it.
 *
 * The guard is deliberately stricter than needed for a Vite build: after percent-decoding, any `..` segment,
 * backslash, colon (Windows drive letters, NTFS streams), or NUL byte is refused outright instead of being
 * normalised, and the resolved path must still lie inside `root`. `/` and any path ending in `/` mean
 * `index.html`. `urlPath` is `URL.pathname`, i.e. still percent-encoded.
 */
export function resolveAppPath(root: string, urlPath: string, pathApi: PathApi = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');
  const relative = segments.join('/');
  if (pathApi.isAbsolute(relative)) return null;
  const resolvedRoot = pathApi.resolve(root);
  const resolved = pathApi.resolve(resolvedRoot, relative);
  const inside = pathApi.relative(resolvedRoot, resolved);
  if (inside === '' || inside.startsWith('..') || pathApi.isAbsolute(inside)) return null;
  return resolved;
}

/**
 * The blob id named by a `pledge-blob://<id>` URL (or `pledge-blob:///<id>`), or null unless it is a lowercase
 * hex SHA-256. The check here keeps arbitrary strings away from the host's file lookups.
 */
export function blobIdFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${BLOB_SCHEME}:`) return null;
  const candidate = (parsed.hostname !== '' ? parsed.hostname : parsed.pathname.replace(/^\/+|\/+$/g, '')).toLowerCase();
  return BLOB_ID.test(candidate) ? candidate : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export interface ProtocolOptions {
  /** Folder with the built renderer (`dist/renderer`); inside the asar when packaged. */
  rendererDir: string;
  host: Pick<Host, 'readBlob'>;
}

/**
 * Registers the two privileged schemes on `protocol` (Electron's, passed in so tests can use a fake):
 * `app:` serves the renderer with the CSP header, `pledge-blob:` serves bytes the host stores. Must run after
 * `ready` and after `registerSchemesAsPrivileged` (main.ts does both).
 *
 * Files are read with `fs` rather than `net.fetch(file://…)`: the session's request allow-list blocks `file:`.
 */
export function registerProtocols(protocol: Pick<Protocol, 'handle'>, options: ProtocolOptions): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const url = new URL(request.url);
    if (url.hostname.toLowerCase() !== APP_HOST) return notFound();
    // The page reads a blob's bytes with fetch (the stamp preview of a PDF opened from the desktop): the same
    // `/blobs/<id>` path as in browser mode, on the app's own origin, so the CSP keeps connect-src 'self'.
    const blobPath = APP_BLOB_PATH.exec(url.pathname);
    if (blobPath) return blobResponse(options.host, blobPath[1] ?? null);
    const file = resolveAppPath(options.rendererDir, url.pathname);
    if (file === null) return notFound();
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': APP_CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });

  protocol.handle(BLOB_SCHEME, (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    return blobResponse(options.host, blobIdFromUrl(request.url));
  });
}

/** A stored blob's bytes (`id` already checked to be a hex SHA-256, or null), or 404. */
function blobResponse(host: Pick<Host, 'readBlob'>, id: string | null): Response {
  const blob = id === null ? null : host.readBlob(id);
  if (blob === null) return notFound();
  const inline = INLINE_BLOB_TYPES.has(blob.contentType);
  const headers: Record<string, string> = {
    'content-type': inline ? blob.contentType : 'application/octet-stream',
    'content-length': String(blob.bytes.byteLength),
    'x-content-type-options': 'nosniff',
  };
  // A blob of an unexpected type must never run as a document on the pledge-blob origin.
  if (!inline) headers['content-security-policy'] = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'";
  return new Response(new Uint8Array(blob.bytes), { status: 200, headers });
}
