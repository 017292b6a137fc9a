import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/host/resolve-data-dir';

const HOME = '/home/ling';

describe('resolveDataDir: precedence', () => {
  it('uses --data-dir first, over PLEDGE_DESK_HOME and the platform folder', () => {
    expect(resolveDataDir({ flag: '/data/flag', env: { PLEDGE_DESK_HOME: '/data/env', XDG_DATA_HOME: '/xdg' }, platform: 'linux', homedir: HOME })).toBe(
      '/data/flag',
    );
  });

  it('uses PLEDGE_DESK_HOME when there is no flag', () => {
    expect(resolveDataDir({ env: { PLEDGE_DESK_HOME: '/data/env', XDG_DATA_HOME: '/xdg' }, platform: 'linux', homedir: HOME })).toBe('/data/env');
    expect(resolveDataDir({ flag: undefined, env: { PLEDGE_DESK_HOME: '/data/env' }, platform: 'darwin', homedir: HOME })).toBe('/data/env');
  });

  it('ignores an empty flag and an empty PLEDGE_DESK_HOME', () => {
    expect(resolveDataDir({ flag: '', env: { PLEDGE_DESK_HOME: '' }, platform: 'linux', homedir: HOME })).toBe(
      join(HOME, '.local', 'share', 'pledge-desk'),
    );
  });

  it('makes a relative flag or PLEDGE_DESK_HOME absolute against the working folder', () => {
    expect(resolveDataDir({ flag: 'rel/data', env: {}, platform: 'linux', homedir: HOME })).toBe(resolve('rel/data'));
    expect(resolveDataDir({ env: { PLEDGE_DESK_HOME: './pd' }, platform: 'linux', homedir: HOME })).toBe(resolve('pd'));
    expect(resolveDataDir({ flag: '/a/b/../c', env: {}, platform: 'linux', homedir: HOME })).toBe('/a/c');
  });
});

describe('resolveDataDir: platform folders', () => {
  it('linux: $XDG_DATA_HOME/pledge-desk', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/xdg/data' }, platform: 'linux', homedir: HOME })).toBe('/xdg/data/pledge-desk');
  });

  it('linux: ~/.local/share/pledge-desk without XDG_DATA_HOME or with an empty one', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', homedir: HOME })).toBe('/home/ling/.local/share/pledge-desk');
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '' }, platform: 'linux', homedir: HOME })).toBe('/home/ling/.local/share/pledge-desk');
  });

  it('other Unix-likes (freebsd) follow XDG too', () => {
    expect(resolveDataDir({ env: {}, platform: 'freebsd', homedir: HOME })).toBe('/home/ling/.local/share/pledge-desk');
  });

  it('linux: ignores a relative XDG_DATA_HOME, as the XDG Base Directory spec requires', () => {
    // BUG (resolve-data-dir.ts): "If an implementation encounters a relative path in any of these variables it
    // should consider the path invalid and ignore it." Used as is, the data folder depends on the working
    // folder, so the CLI run from two folders would see two different archives.
    expect(resolveDataDir({ env: { XDG_DATA_HOME: 'relative/share' }, platform: 'linux', homedir: HOME })).toBe(
      '/home/ling/.local/share/pledge-desk',
    );
  });

  it('darwin: ~/Library/Application Support/Pledge Desk (ignores XDG)', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'darwin', homedir: '/Users/ling' })).toBe(
      '/Users/ling/Library/Application Support/Pledge Desk',
    );
  });

  it('win32: %APPDATA%\\Pledge Desk, else <home>\\AppData\\Roaming\\Pledge Desk', () => {
    const appData = 'C:\\Users\\ling\\AppData\\Roaming';
    // node:path joins with the separator of the platform running the test; compare with the same join.
    expect(resolveDataDir({ env: { APPDATA: appData }, platform: 'win32', homedir: 'C:\\Users\\ling' })).toBe(join(appData, 'Pledge Desk'));
    expect(resolveDataDir({ env: {}, platform: 'win32', homedir: 'C:\\Users\\ling' })).toBe(
      join('C:\\Users\\ling', 'AppData', 'Roaming', 'Pledge Desk'),
    );
    expect(resolveDataDir({ env: { APPDATA: appData, XDG_DATA_HOME: '/xdg' }, platform: 'win32', homedir: 'C:\\Users\\ling' })).not.toContain('xdg');
  });

  it('PLEDGE_DESK_HOME wins on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveDataDir({ env: { PLEDGE_DESK_HOME: '/pd', APPDATA: 'C:\\x', XDG_DATA_HOME: '/x' }, platform, homedir: HOME })).toBe('/pd');
    }
  });
});
