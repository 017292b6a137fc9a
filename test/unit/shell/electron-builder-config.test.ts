import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot run here (it needs the Electron zip), so a typo in electron-builder.yml would surface
 * only when someone packages. This test runs electron-builder's own schema validation on the file and pins the
 * security-relevant settings (fuses, asar, the native-module rebuild policy).
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const requireFromRepo = createRequire(`${repo}package.json`);
// Untyped on purpose: these are electron-builder's internals and its YAML parser, not our dependencies' API.
const yaml = requireFromRepo('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireFromRepo('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromRepo('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  fileAssociations: Array<Record<string, string>>;
  extraResources: Array<{ from: string; to: string }>;
  files: string[];
  linux: Record<string, unknown> & { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};
const config = yaml.load(readFileSync(`${repo}electron-builder.yml`, 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and its output folder', () => {
    expect(config.appId).toBe('org.pledgedesk.app');
    expect(config.productName).toBe('Pledge Desk');
    expect(config.directories).toMatchObject({ output: 'release' });
    expect(JSON.stringify(config.linux)).toContain('承诺书签署');
  });

  it('locks the binary down with fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs dist/ into the asar, unpacks the native module, and rebuilds it only when packaging', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(`${repo}package.json`, 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(pkg.scripts)).not.toContain('postinstall');
  });

  it('ships fonts and templates next to the asar, where main.ts looks for them', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/fonts', to: 'fonts' },
      { from: 'resources/templates', to: 'templates' },
    ]);
  });

  it('builds AppImage + deb, NSIS and DMG', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('opens .pledgebundle and .pdf files as a viewer, without claiming to be the default PDF app', () => {
    const byExt = Object.fromEntries(config.fileAssociations.map((a) => [a.ext, a]));
    expect(Object.keys(byExt).sort()).toEqual(['pdf', 'pledgebundle']);
    expect(byExt.pdf).toMatchObject({ role: 'Viewer', mimeType: 'application/pdf', rank: 'Alternate' });
    expect(byExt.pledgebundle).toMatchObject({ role: 'Viewer' });
  });

  it('points at an icon that exists and is a 512×512 PNG', () => {
    const icon = `${repo}${String(config.icon)}`;
    expect(existsSync(icon)).toBe(true);
    const bytes = readFileSync(icon);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(512);
    expect(bytes.readUInt32BE(20)).toBe(512);
  });
});
