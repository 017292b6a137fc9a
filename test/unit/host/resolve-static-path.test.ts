import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../electron/host/resolve-static-path';

const ROOT = '/srv/pledge/dist/renderer';

describe('resolveStaticPath: files inside the root', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/index.html?v=3', 'index.html'],
    ['/index.html#top', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['//assets//app.css', 'assets/app.css'],
    ['/assets/./app.css', 'assets/app.css'],
    ['/assets/../index.html', 'index.html'],
    ['/%E6%89%BF%E8%AF%BA.png', '承诺.png'],
    ['/a%20b.txt', 'a b.txt'],
  ])('%j → <root>/%s', (urlPath, expected) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBe(join(ROOT, expected));
  });
});

describe('resolveStaticPath: traversal and odd paths are refused', () => {
  it.each([
    '/../package.json',
    '/../../etc/passwd',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '/..%5cpackage.json',
    '/index.html%00.png',
    '/%00',
    '/%E0%A4%A',
    '/%',
    '/.',
    '/assets/..',
    '/../renderer-secrets/key.txt',
  ])('%j → null', (urlPath) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBeNull();
  });

  it('never returns a path outside the root, even for a sibling folder with the same prefix', () => {
    // '/srv/pledge/dist/renderer2' starts with the root's text but is not inside it.
    expect(resolveStaticPath(ROOT, '/../renderer2/index.html')).toBeNull();
    expect(resolveStaticPath(ROOT, '/%2e%2e/renderer2/index.html')).toBeNull();
  });

  it('treats a double-encoded dot-dot as a literal file name inside the root', () => {
    expect(resolveStaticPath(ROOT, '/%252e%252e/x')).toBe(join(ROOT, '%2e%2e', 'x'));
  });
});
