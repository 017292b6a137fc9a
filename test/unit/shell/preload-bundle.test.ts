import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BLOB_PUT_CHANNEL, CHANNEL_PREFIX, METHOD_NAMES } from '../../../electron/shared/method-names';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const distPreload = path.join(repo, 'dist/electron/preload.cjs');

/**
 * A sandboxed renderer cannot load ESM and may `require` only `electron` and a few shims, so the preload must be
 * one CommonJS file whose only `require` is `require("electron")`. We check the bundle that ships
 * (`npm run build:electron`, which `npm test` runs first) and a fresh one built the same way, so a stale dist/ cannot hide a
 * regression in the source.
 */
let tmp: string;
const bundles = new Map<string, string>();

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pledge-preload-'));
  const outfile = path.join(tmp, 'preload.cjs');
  await build({
    entryPoints: [path.join(repo, 'electron/preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    outfile,
    logLevel: 'silent',
  });
  bundles.set('fresh build', readFileSync(outfile, 'utf8'));
  // What ships is checked too, never skipped: `npm test` builds dist/ first.
  if (!existsSync(distPreload)) throw new Error(`${distPreload} is missing: run \`npm run build:electron\` first`);
  bundles.set('dist/electron/preload.cjs', readFileSync(distPreload, 'utf8'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Drops string literals and comments so that the checks below see code only. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``');
}

describe.each(['fresh build', 'dist/electron/preload.cjs'])('preload bundle (%s)', (label) => {
  const source = (): string => bundles.get(label) as string;

  it('starts with code, not a #! line (Electron wraps a sandboxed preload in a function, where #! is a syntax error)', () => {
    expect(source().trimStart().startsWith('#!')).toBe(false);
  });

  it('has no import or export statements and no dynamic import()', () => {
    const code = codeOnly(source());
    expect(code).not.toMatch(/^\s*import[\s{*'"]/m);
    expect(code).not.toMatch(/^\s*export[\s{*]/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });

  it('requires "electron" and nothing else', () => {
    const code = codeOnly(source());
    const calls = [...code.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls)).toEqual(new Set(['"electron"']));
  });

  it('does not carry the validation library or Node built-ins', () => {
    expect(source()).not.toMatch(/\bzod\b|\$ZodType/);
    expect(source()).not.toMatch(/node:/);
  });

  it('exposes window.pledge with exactly the contract methods, each bound to its own channel', async () => {
    const exposed = new Map<string, Record<string, (arg: unknown) => Promise<unknown>>>();
    const invoke = vi.fn(async (channel: string, arg: unknown) => ({ ok: true, value: { channel, arg } }));
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (arg: unknown) => Promise<unknown>>) => exposed.set(key, api) },
      ipcRenderer: { invoke },
    };
    const requireFake = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    };
    // Evaluated the way Electron's sandboxed renderer does it: the source inside a function wrapper.
    const wrapped = `(function (require, process, exports, module) {\n  ${source()}\n  })`;
    const preloadFn = vm.runInNewContext(wrapped, { console }) as (...args: unknown[]) => void;
    const module = { exports: {} };
    preloadFn(requireFake, {}, module.exports, module);

    expect([...exposed.keys()]).toEqual(['pledge']);
    const api = exposed.get('pledge')!;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'blobs.put'].sort());
    for (const name of METHOD_NAMES) {
      const input = { probe: name };
      await api[name]!(input);
      expect(invoke).toHaveBeenLastCalledWith(CHANNEL_PREFIX + name, input);
    }
    const bytes = new ArrayBuffer(3);
    await api['blobs.put']!(bytes);
    expect(invoke).toHaveBeenLastCalledWith(BLOB_PUT_CHANNEL, bytes);
    expect(invoke).toHaveBeenCalledTimes(METHOD_NAMES.length + 1);
  });
});
