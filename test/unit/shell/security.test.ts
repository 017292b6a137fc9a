import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, guardWebContents, hardenSession, isAllowedRequestUrl, PDF_VIEWER_EXTENSION_ID } from '../../../electron/shell/security';

const BLOB_ID = 'a'.repeat(64);

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://pledge-desk/index.html',
    'app://pledge-desk/assets/index-abc123.js',
    'app://PLEDGE-DESK/index.html',
    `pledge-blob://${BLOB_ID}`,
    'devtools://devtools/bundled/devtools_app.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://pledge-desk/5b1c0f3e-0000-4000-8000-000000000000',
    `chrome-extension://${PDF_VIEWER_EXTENSION_ID}/index.html`,
  ])('allows %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/api/drafts.list',
    'http://localhost/',
    'ws://127.0.0.1:9222/',
    'wss://example.com/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ftp://example.com/x',
    'app://evil.example/index.html',
    'app://pledge-desk:8080/index.html',
    'app://user:pw@pledge-desk/index.html',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/background.js',
    'chrome://settings',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it('allows other extensions (DevTools) only when the policy says so', () => {
    const url = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/panel.html';
    expect(isAllowedRequestUrl(url, { allowDevtoolsExtensions: true })).toBe(true);
    expect(isAllowedRequestUrl(url, { allowDevtoolsExtensions: false })).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', { allowDevtoolsExtensions: true })).toBe(false);
  });
});

describe('APP_CSP', () => {
  it('is identical to the meta CSP in renderer/index.html', () => {
    const html = fileURLToPath(new URL('../../../renderer/index.html', import.meta.url));
    if (!existsSync(html)) return; // the renderer is written in parallel; the header alone is still asserted below
    const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(html, 'utf8'));
    expect(match?.[1]).toBe(APP_CSP);
  });

  it('forbids inline and eval script, plugins, base and forms, and any network', () => {
    const directives = Object.fromEntries(
      APP_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toMatch(/https?:/);
  });
});

function fakeSession() {
  const on = vi.fn();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    on,
    webRequest: { onBeforeRequest: vi.fn() },
  };
  return session;
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://pledge-desk', {})).toBe(false);
  });

  it('refuses downloads', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const [event, listener] = session.on.mock.calls[0]! as [string, (e: { preventDefault: () => void }) => void];
    expect(event).toBe('will-download');
    const preventDefault = vi.fn();
    listener({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('cancels requests outside the allow-list and lets the app through', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const listener = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'https://tracker.example/pixel.gif' }, callback);
    listener({ url: 'app://pledge-desk/index.html' }, callback);
    expect(callback.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
    warn.mockRestore();
  });
});

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn(),
  };
  const fire = (name: string, url?: string): boolean => {
    const preventDefault = vi.fn();
    listeners.get(name)!({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire };
}

describe('guardWebContents', () => {
  it('blocks navigation and redirects off the app origin', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as unknown as WebContents);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(fire('will-navigate', 'app://pledge-desk/index.html')).toBe(false);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'app://pledge-desk/index.html')).toBe(false);
  });

  it('blocks <webview> and denies every new window', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents as unknown as WebContents);
    expect(fire('will-attach-webview')).toBe(true);
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://pledge-desk/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: `pledge-blob://${BLOB_ID}` })).toEqual({ action: 'deny' });
  });
});
