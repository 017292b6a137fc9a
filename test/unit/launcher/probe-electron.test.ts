import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeElectron } from '../../../electron/launcher/probe-electron';

const dirs: string[] = [];

/** A fake app dir whose node_modules/electron/index.js behaves like the real one in the given state. */
function fakeApp(indexJs: string | null): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pledge-probe-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"fake"}');
  if (indexJs !== null) {
    const pkg = path.join(dir, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
    writeFileSync(path.join(pkg, 'index.js'), indexJs);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('probeElectron', () => {
  it('reports a package that is not installed', () => {
    expect(probeElectron(fakeApp(null))).toEqual({ found: false, reason: 'the electron package is not installed' });
  });

  it('recognises the "failed to install correctly" throw of a skipped postinstall', () => {
    const dir = fakeApp(
      "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');",
    );
    expect(probeElectron(dir)).toEqual({ found: false, reason: 'the Electron binary was never downloaded' });
  });

  it('reports a path.txt that points at a deleted binary', () => {
    const dir = fakeApp("module.exports = require('path').join(__dirname, 'dist', 'electron');");
    const result = probeElectron(dir);
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/binary is missing at .*dist.electron$/);
  });

  it('finds a binary that exists, and sees a download that happened after a first probe', () => {
    const dir = fakeApp("module.exports = require('path').join(__dirname, 'dist', 'electron');");
    expect(probeElectron(dir).found).toBe(false);
    const binary = path.join(dir, 'node_modules', 'electron', 'dist', 'electron');
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    expect(probeElectron(dir)).toEqual({ found: true, path: binary });
  });

  it('never throws, whatever the package does', () => {
    expect(probeElectron(fakeApp('throw 42;'))).toEqual({ found: false, reason: '42' });
    expect(probeElectron(fakeApp('module.exports = {};')).found).toBe(false);
  });
});
