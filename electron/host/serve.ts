import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { isMethodName } from '../shared/method-names';
import { MAX_BLOB_BYTES } from './create-host';
import type { Host } from './host';
import { resolveStaticPath } from './resolve-static-path';

/** JSON bodies above this are refused with 413 (images travel as data URLs of at most 2 MB each). */
export const MAX_JSON_BYTES = 25 * 1024 * 1024;

/** Same policy as the renderer's meta CSP: only this origin, no eval, no plugins, no remote anything. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self'; frame-ancestors 'self'";

const SESSION_COOKIE = 'pledge_session';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface ServeOptions {
  host: Host;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/#token=TOKEN`: what to open. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer and the host's `dispatch` on 127.0.0.1 only. The API needs the start-up
 * token (as a Bearer header, or as the HttpOnly cookie `POST /api/session` trades it for); `Host` and
 * `Origin` are checked on every request, which defeats DNS rebinding and cross-site requests.
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, 'forbidden origin');

    const isApi = path === '/api' || path.startsWith('/api/');
    const isBlob = path === '/blobs' || path.startsWith('/blobs/');
    if (!isApi && !isBlob) return serveStatic(options.rendererDir, req, res, path);

    if (!authorised(req, token, sessions)) return send(res, 403, 'missing or wrong token');
    if (isBlob) return serveBlob(options.host, req, res, path);

    const method = path.slice('/api/'.length);
    if (method === 'session') {
      if (req.method !== 'POST') return send(res, 405, 'use POST');
      if (!bearerMatches(req, token)) return send(res, 403, 'the session is traded for the start-up token only');
      const session = randomBytes(24).toString('base64url');
      sessions.add(session);
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`);
      return sendJson(res, { ok: true, value: {} });
    }
    if (!isMethodName(method)) return send(res, 404, `no method ${method}`);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return send(res, 405, 'use POST');
    }
    // Why: only JSON is read. A cross-site form can post text/plain or urlencoded bodies without a preflight;
    // the token and the Origin check stop those already, and this makes the refusal explicit and early.
    const contentType = req.headers['content-type'];
    if (contentType !== undefined && !isJsonContentType(contentType)) {
      req.resume();
      return send(res, 415, 'send JSON with Content-Type: application/json');
    }
    const body = await readBody(req, MAX_JSON_BYTES);
    if (body === null) return send(res, 413, 'body too large');
    if (body.length > 0 && contentType === undefined) return send(res, 415, 'send JSON with Content-Type: application/json');
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, 'malformed JSON');
    }
    sendJson(res, await options.host.dispatch(method, input));
  };

  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`pledge serve: ${(error as Error)?.stack ?? String(error)}\n`);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** `application/json`, with or without parameters (`; charset=utf-8`), in any letter case. */
function isJsonContentType(value: string): boolean {
  return /^application\/json\s*(;|$)/i.test(value.trim());
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') && safeEqual(header.slice(7).trim(), token);
}

function authorised(req: IncomingMessage, token: string, sessions: Set<string>): boolean {
  if (bearerMatches(req, token)) return true;
  const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
  const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.slice(SESSION_COOKIE.length + 1);
  return session !== undefined && [...sessions].some((s) => safeEqual(s, session));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads the body, or returns null as soon as it exceeds `limit` bytes (without buffering the rest). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveBlob(host: Host, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path === '/blobs' || path === '/blobs/') {
    if (req.method !== 'POST') return send(res, 405, 'use POST');
    const body = await readBody(req, MAX_BLOB_BYTES);
    if (body === null) return send(res, 413, 'blob too large');
    return sendJson(res, await host.putBlob(new Uint8Array(body)));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'use GET');
  const blob = host.readBlob(path.slice('/blobs/'.length));
  if (!blob) return send(res, 404, 'no such blob');
  res.writeHead(200, {
    'Content-Type': blob.contentType,
    'Content-Length': blob.bytes.length,
    'Content-Disposition': 'inline',
  });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(blob.bytes));
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'use GET');
  const file = resolveStaticPath(root, path);
  if (file === null) return send(res, 403, 'forbidden path');
  if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'not found');
  const bytes = readFileSync(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': bytes.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
