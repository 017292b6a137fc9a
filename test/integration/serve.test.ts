import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import type { RunningServer } from '../../electron/host/serve';
import { MAX_JSON_BYTES, startServer } from '../../electron/host/serve';
import { makeSignaturePng } from '../support/make-png';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { createTestHost } from '../support/test-host';

const TOKEN = 'test-token-0123456789abcdef';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
const INDEX = '<!doctype html><title>Pledge Desk</title><div id="root"></div>';

let host: Host;
let server: RunningServer;
let origin: string;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A raw HTTP request: the path is sent exactly as given (fetch would normalise `..`), and any Host/Origin
 * header can be set.
 */
function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: options.headers, setHost: !options.headers?.Host }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = { Authorization: `Bearer ${TOKEN}` };
const api = (method: string, body: unknown, headers: Record<string, string> = bearer) =>
  raw('POST', `/api/${method}`, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const json = (reply: Reply): { ok: boolean; value?: unknown; error?: { code: string } } => JSON.parse(reply.body.toString('utf8'));

beforeAll(async () => {
  const root = makeTempDir('pledge-serve-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Files a traversal would reach: next to the renderer folder, and one named like the repo's.
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  ({ host } = createTestHost(join(root, 'data')));
  server = await startServer({ host, rendererDir, port: 0, token: TOKEN });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  host.close();
  removeTempDirs();
});

describe('start-up', () => {
  it('prints http://127.0.0.1:PORT/#token=TOKEN with the fixed token', () => {
    expect(server.token).toBe(TOKEN);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+$/);
  });

  it('makes a fresh random token when none is given', async () => {
    const other = await startServer({ host, rendererDir: makeTempDir(), port: 0 });
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(other.token).not.toBe(TOKEN);
      expect(other.url).toBe(`http://127.0.0.1:${other.port}/#token=${other.token}`);
    } finally {
      await other.close();
    }
  });

  it('binds 127.0.0.1 only: another loopback address (127.0.0.2) and ::1 are refused', async () => {
    const tryConnect = (address: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
    expect(await tryConnect('127.0.0.1')).toBe('connected');
    expect(await tryConnect('127.0.0.2')).not.toBe('connected');
    expect(await tryConnect('::1')).not.toBe('connected');
  });
});

describe('static files', () => {
  it('serves index.html without a token, with the CSP and nosniff headers', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends a strict CSP: no eval, no inline script, nothing from another origin', async () => {
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    // Every source of every directive is this origin, none, or an in-page scheme.
    for (const [name, values] of Object.entries(directives)) {
      for (const value of values as string[]) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'], `${name} ${value}`).toContain(value);
    }
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('serves assets with their type, and 404 for a missing file', async () => {
    const js = await fetch(`${origin}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2fsecret.txt',
  ])('path traversal %s → 403 or 404, never the file', async (path) => {
    const res = await raw('GET', path);
    expect([403, 404]).toContain(res.status);
    expect(res.body.toString('utf8')).not.toContain(SECRET);
  });

  it('refuses a non-GET on static files', async () => {
    expect((await raw('POST', '/index.html', { body: 'x' })).status).toBe(405);
  });
});

describe('API guards', () => {
  it('no token → 403', async () => {
    expect((await api('templates.list', {}, {})).status).toBe(403);
  });

  it('wrong token, or a token of another length → 403', async () => {
    expect((await api('templates.list', {}, { Authorization: `Bearer ${TOKEN.replace(/.$/, 'X')}` })).status).toBe(403);
    expect((await api('templates.list', {}, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(403);
    expect((await api('templates.list', {}, { Authorization: TOKEN })).status).toBe(403);
    expect((await api('templates.list', {}, { Authorization: `Basic ${TOKEN}` })).status).toBe(403);
  });

  it('a valid token with Host: evil.com → 403 (DNS rebinding)', async () => {
    const res = await api('templates.list', {}, { ...bearer, Host: 'evil.com' });
    expect(res.status).toBe(403);
    expect((await raw('GET', '/', { headers: { Host: `evil.com:${server.port}` } })).status).toBe(403);
  });

  it('accepts Host 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await api('templates.list', {}, { ...bearer, Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await api('templates.list', {}, { ...bearer, Host: `127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await api('templates.list', {}, { ...bearer, Host: '127.0.0.1' })).status).toBe(403);
  });

  it('a foreign Origin → 403 even with the token; the own origin is fine', async () => {
    expect((await api('templates.list', {}, { ...bearer, Origin: 'http://evil.com' })).status).toBe(403);
    expect((await api('templates.list', {}, { ...bearer, Origin: 'null' })).status).toBe(403);
    expect((await api('templates.list', {}, { ...bearer, Origin: `https://127.0.0.1:${server.port}` })).status).toBe(403);
    expect((await api('templates.list', {}, { ...bearer, Origin: origin })).status).toBe(200);
  });

  it('an unknown method → 404; GET on a method → 405 with Allow: POST', async () => {
    expect((await api('drafts.purge', {})).status).toBe(404);
    expect((await api('', {})).status).toBe(404);
    const get = await raw('GET', '/api/templates.list', { headers: bearer });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('malformed JSON → 400', async () => {
    const res = await raw('POST', '/api/templates.list', { headers: { ...bearer, 'Content-Type': 'application/json' }, body: '{"oops":' });
    expect(res.status).toBe(400);
  });

  it('ok:false envelopes come with HTTP 200', async () => {
    const missing = await api('drafts.get', { id: 'd_0000000000000000' });
    expect(missing.status).toBe(200);
    expect(json(missing)).toMatchObject({ ok: false, error: { code: 'DRAFT_NOT_FOUND' } });
    const invalid = await api('drafts.get', {});
    expect(invalid.status).toBe(200);
    expect(json(invalid)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await api('templates.list', {});
    expect(json(ok).ok).toBe(true);
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('a body that is not declared JSON → 415, and the method is not called', async () => {
    const before = json(await api('drafts.list', {})).value as unknown[];
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonp']) {
      const res = await raw('POST', '/api/drafts.create', { headers: { ...bearer, 'Content-Type': type }, body: '{"templateId":"ecommerce-service"}' });
      expect(res.status, type).toBe(415);
    }
    const untyped = await raw('POST', '/api/drafts.create', { headers: bearer, body: '{"templateId":"ecommerce-service"}' });
    expect(untyped.status).toBe(415);
    expect(json(await api('drafts.list', {})).value).toEqual(before);
    const typed = await raw('POST', '/api/templates.list', { headers: { ...bearer, 'Content-Type': 'Application/JSON; charset=UTF-8' }, body: '{}' });
    expect(typed.status).toBe(200);
  });

  it('an empty body is an empty input', async () => {
    const res = await raw('POST', '/api/templates.list', { headers: bearer });
    expect(json(res).ok).toBe(true);
  });

  /** Streams MAX_JSON_BYTES + 1 bytes to templates.list with `headers`, 1 MB at a time, and returns the status. */
  const postOversized = (headers: Record<string, string>): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/templates.list', headers: { ...bearer, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let left = MAX_JSON_BYTES + 1;
      const pump = (): void => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });

  it('a body over 25 MB → 413 (declared length), streamed without buffering it all', async () => {
    expect(await postOversized({ 'Content-Type': 'application/json', 'Content-Length': String(MAX_JSON_BYTES + 1) })).toBe(413);
    expect(MAX_JSON_BYTES).toBe(25 * 1024 * 1024);
  });

  it('a chunked body over 25 MB (no declared length) → 413 too', async () => {
    expect(await postOversized({ 'Transfer-Encoding': 'chunked' })).toBe(413);
  });
});

describe('session cookie and blobs', () => {
  it('POST /api/session with the bearer sets an HttpOnly, SameSite=Strict cookie that authorises /api and /blobs', async () => {
    const session = await raw('POST', '/api/session', { headers: bearer });
    expect(session.status).toBe(200);
    const setCookie = (session.headers['set-cookie'] ?? [])[0] ?? '';
    expect(setCookie).toMatch(/^pledge_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0] as string;

    const list = await api('templates.list', {}, { Cookie: cookie });
    expect(list.status).toBe(200);
    expect(json(list).ok).toBe(true);

    const png = Buffer.from(makeSignaturePng(40, 20));
    const put = await raw('POST', '/blobs', { headers: { Cookie: cookie, 'Content-Type': 'application/octet-stream' }, body: png });
    expect(put.status).toBe(200);
    const { blobId } = json(put).value as { blobId: string };
    const got = await raw('GET', `/blobs/${blobId}`, { headers: { Cookie: cookie } });
    expect(got.status).toBe(200);
    expect(got.body.equals(png)).toBe(true);
  });

  it('a made-up cookie is refused, and a cookie cannot mint another session', async () => {
    expect((await api('templates.list', {}, { Cookie: 'pledge_session=forged' })).status).toBe(403);
    const session = await raw('POST', '/api/session', { headers: bearer });
    const cookie = ((session.headers['set-cookie'] ?? [])[0] ?? '').split(';')[0] as string;
    expect((await raw('POST', '/api/session', { headers: { Cookie: cookie } })).status).toBe(403);
    expect((await raw('GET', '/api/session', { headers: bearer })).status).toBe(405);
  });

  it('POST /blobs stores bytes under their SHA-256 and GET /blobs/<id> returns them', async () => {
    const bytes = Buffer.from('%PDF-1.7\n% a tiny fake pdf\n');
    const put = await raw('POST', '/blobs', { headers: bearer, body: bytes });
    expect(put.status).toBe(200);
    const value = json(put).value as { blobId: string };
    expect(value.blobId).toBe(createHash('sha256').update(bytes).digest('hex'));
    const got = await raw('GET', `/blobs/${value.blobId}`, { headers: bearer });
    expect(got.status).toBe(200);
    expect(got.body.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await raw('GET', `/blobs/${value.blobId}`)).status).toBe(403);
  });

  it('serves an uploaded HTML blob as an opaque download type, never as a page', async () => {
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    const { blobId } = json(await raw('POST', '/blobs', { headers: bearer, body: html })).value as { blobId: string };
    const got = await raw('GET', `/blobs/${blobId}`, { headers: bearer });
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the host reads no file outside its stores for a blob id that walks up', () => {
    for (const id of ['../pledge-desk.db', '../../secret.txt', '..%2fpledge-desk.db', '/etc/passwd', '', 'a'.repeat(63)]) {
      expect(host.readBlob(id), id).toBeNull();
    }
  });

  it('unknown or malformed blob ids → 404, never the database file', async () => {
    for (const path of ['/blobs/' + '0'.repeat(64), '/blobs/pledge-desk.db', '/blobs/..%2fpledge-desk.db', '/blobs/..%2f..%2fsecret.txt']) {
      const res = await raw('GET', path, { headers: bearer });
      expect(res.status, path).toBe(404);
      expect(res.body.toString('latin1')).not.toContain('SQLite format');
    }
    expect((await raw('DELETE', `/blobs/${'0'.repeat(64)}`, { headers: bearer })).status).toBe(405);
  });
});
