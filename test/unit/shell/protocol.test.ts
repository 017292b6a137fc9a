import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BlobContent } from '../../../electron/host/host';
import { blobIdFromUrl, registerProtocols, resolveAppPath } from '../../../electron/shell/protocol';
import { APP_CSP } from '../../../electron/shell/security';

const ROOT = path.resolve('/srv/pledge/dist/renderer');

describe('resolveAppPath (POSIX)', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/./assets/./a.css', 'assets/a.css'],
    ['//assets//a.css', 'assets/a.css'],
    ['/%E6%89%BF%E8%AF%BA.png', '承诺.png'],
    ['/%252e%252e/x', '%2e%2e/x'],
  ])('%s → <root>/%s', (urlPath, expected) => {
    expect(resolveAppPath(ROOT, urlPath)).toBe(path.join(ROOT, expected));
  });

  it.each([
    ['/../etc/passwd'],
    ['/assets/../../etc/passwd'],
    ['/assets/../index.html'],
    ['/..'],
    ['/%2e%2e/etc/passwd'],
    ['/%2E%2E/%2E%2E/etc/passwd'],
    ['/assets/%2e%2e/%2e%2e/secret'],
    ['/..%2fetc%2fpasswd'],
    ['/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['/..\\..\\etc\\passwd'],
    ['/assets\\..\\..\\secret'],
    ['/%5c..%5c..%5csecret'],
    ['/index.html%00.png'],
    ['/index.html\0'],
    ['/C:/Windows/win.ini'],
    ['/c:%5cwindows%5cwin.ini'],
    ['/index.html::$DATA'],
    ['/%E0%A4%A'],
  ])('refuses %j', (urlPath) => {
    expect(resolveAppPath(ROOT, urlPath)).toBeNull();
  });

  it('keeps an absolute-looking path inside the root instead of jumping to it', () => {
    expect(resolveAppPath(ROOT, '//etc/passwd')).toBe(path.join(ROOT, 'etc/passwd'));
    expect(resolveAppPath(ROOT, '/%2Fetc%2Fpasswd')).toBe(path.join(ROOT, 'etc/passwd'));
  });
});

describe('resolveAppPath (Windows semantics)', () => {
  const winRoot = 'C:\\Program Files\\Pledge Desk\\resources\\app.asar\\dist\\renderer';
  it('maps ordinary paths under the root', () => {
    expect(resolveAppPath(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
  });
  it.each([['/C:/Windows/win.ini'], ['/%5c%5cserver%5cshare%5cx'], ['/..\\..\\x'], ['/%2e%2e/x'], ['/D:x']])(
    'refuses %j',
    (urlPath) => {
      expect(resolveAppPath(winRoot, urlPath, path.win32)).toBeNull();
    },
  );
});

describe('blobIdFromUrl', () => {
  const id = '0123456789abcdef'.repeat(4);
  it.each([`pledge-blob://${id}`, `pledge-blob://${id}/`, `pledge-blob:///${id}`, `pledge-blob://${id.toUpperCase()}`])(
    'reads %s',
    (url) => {
      expect(blobIdFromUrl(url)).toBe(id);
    },
  );
  it.each([
    'pledge-blob://abc',
    `pledge-blob://${id}0`,
    `pledge-blob://${id.slice(1)}g`,
    `pledge-blob://x/../${id}`,
    `app://pledge-desk/${id}`,
    'pledge-blob://',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(blobIdFromUrl(url)).toBeNull();
  });
});

type Handler = (request: Request) => Response | Promise<Response>;

describe('registerProtocols', () => {
  let dir: string;
  const handlers = new Map<string, Handler>();
  const blobId = 'ab'.repeat(32);
  const blobs = new Map<string, BlobContent>([
    [blobId, { bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]), contentType: 'application/pdf' }],
    ['cd'.repeat(32), { bytes: new Uint8Array([0x3c, 0x68]), contentType: 'text/html' }],
  ]);
  const readBlob = vi.fn((id: string) => blobs.get(id) ?? null);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pledge-protocol-'));
    const renderer = path.join(dir, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    const protocol = { handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler) };
    registerProtocols(protocol as unknown as Pick<Protocol, 'handle'>, { rendererDir: renderer, host: { readBlob } });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = async (scheme: string, url: string) => handlers.get(scheme)!(new Request(url));

  it('registers exactly the two privileged schemes', () => {
    expect([...handlers.keys()].sort()).toEqual(['app', 'pledge-blob']);
  });

  it('serves the renderer with its content type and the CSP header', async () => {
    const res = await get('app', 'app://pledge-desk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>x</title>');
    const js = await get('app', 'app://pledge-desk/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, missing files and foreign hosts', async () => {
    expect((await get('app', 'app://pledge-desk/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app', 'app://pledge-desk/..%2fsecret.txt')).status).toBe(404);
    expect((await get('app', 'app://pledge-desk/missing.js')).status).toBe(404);
    expect((await get('app', 'app://other-host/index.html')).status).toBe(404);
  });

  it('serves a stored PDF inline and 404s unknown or malformed ids without asking the host', async () => {
    const res = await get('pledge-blob', `pledge-blob://${blobId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect((await get('pledge-blob', `pledge-blob://${'ef'.repeat(32)}`)).status).toBe(404);
    readBlob.mockClear();
    expect((await get('pledge-blob', 'pledge-blob://../../etc/passwd')).status).toBe(404);
    expect(readBlob).not.toHaveBeenCalled();
  });

  it('serves blobs on the app origin under /blobs/<id> too (fetch stays connect-src self), and nothing else there', async () => {
    const res = await get('app', `app://pledge-desk/blobs/${blobId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect((await get('app', `app://pledge-desk/blobs/${'cd'.repeat(32)}`)).headers.get('content-security-policy')).toContain('sandbox');
    readBlob.mockClear();
    for (const bad of [`app://pledge-desk/blobs/${blobId.toUpperCase()}`, 'app://pledge-desk/blobs/..%2f..%2fsecret.txt', `app://other-host/blobs/${blobId}`]) {
      expect((await get('app', bad)).status).toBe(404);
    }
    expect(readBlob).not.toHaveBeenCalled();
  });

  it('never lets a blob of an unexpected type render as a document', async () => {
    const res = await get('pledge-blob', `pledge-blob://${'cd'.repeat(32)}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; base-uri 'none'; form-action 'none'");
  });

  it('refuses methods other than GET/HEAD', async () => {
    const post = new Request('app://pledge-desk/index.html', { method: 'POST', body: 'x' });
    expect((await handlers.get('app')!(post)).status).toBe(405);
  });
});
