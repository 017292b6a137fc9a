import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths';

/**
 * Issue 7: "`shell.openExternal` never called with app data". The app has no reason to open anything outside
 * itself (no help links, no web pages), so the rule is the strictest one: no call at all, in the sources of the
 * shell and main process or in the built bundle. A future need must come with an allow-list and its own test.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const CALL = /\bopenExternal\s*\(|\[\s*['"`]openExternal['"`]\s*\]/;

describe('shell.openExternal', () => {
  it('is called nowhere in electron/ (main, preload, shell, host, core)', () => {
    const files = sourceFiles(join(REPO_ROOT, 'electron'));
    expect(files.length).toBeGreaterThan(50);
    const callers = files.filter((f) => CALL.test(readFileSync(f, 'utf8')));
    expect(callers).toEqual([]);
  });

  it('is called nowhere in the built main and preload bundles', () => {
    const built = ['main.cjs', 'preload.cjs'].map((f) => join(REPO_ROOT, 'dist', 'electron', f));
    // Built by `npm run build`, which `npm test` runs first: a missing bundle fails here rather than skip the check.
    for (const file of built) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:electron\` first`);
    for (const file of built) expect(CALL.test(readFileSync(file, 'utf8')), file).toBe(false);
  });

  it('the pattern finds a call when there is one (so the scans above can fail)', () => {
    expect(CALL.test('void shell.openExternal(url);')).toBe(true);
    expect(CALL.test("electron.shell['openExternal'](url)")).toBe(true);
    expect(CALL.test('never handed to `shell.openExternal`), and')).toBe(false);
  });
});
