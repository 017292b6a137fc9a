import { describe, expect, it } from 'vitest';
import { browserModeNotice, decideLaunch, INSTALL_TIMEOUT_MS, type LaunchInput } from '../../../electron/launcher/decide-launch';

const base: Omit<LaunchInput, 'probe'> = {
  hasDisplay: true,
  appDir: '/repo',
  nodePath: '/usr/bin/node',
  args: ['--data-dir', '/tmp/pd'],
};
const missing = { found: false as const, reason: 'the Electron binary was never downloaded' };

describe('decideLaunch', () => {
  it('runs Electron on the app dir with the passed-through args when the binary is there', () => {
    expect(decideLaunch({ ...base, probe: { found: true, path: '/repo/node_modules/electron/dist/electron' } })).toEqual({
      kind: 'electron',
      command: '/repo/node_modules/electron/dist/electron',
      args: ['/repo', '--data-dir', '/tmp/pd'],
    });
  });

  it('asks for exactly one download attempt, with a 120 s limit, when the binary is missing', () => {
    expect(decideLaunch({ ...base, probe: missing })).toEqual({
      kind: 'install',
      command: '/usr/bin/node',
      args: ['/repo/node_modules/electron/install.js'],
      timeoutMs: 120_000,
    });
    expect(INSTALL_TIMEOUT_MS).toBe(120_000);
  });

  it('runs Electron when the download worked', () => {
    const step = decideLaunch({ ...base, probe: { found: true, path: '/e' }, install: { ok: true } });
    expect(step.kind).toBe('electron');
  });

  it('falls back to `pledge serve` with the args after a failed download, never trying again', () => {
    const step = decideLaunch({ ...base, probe: missing, install: { ok: false, reason: 'exit code 1' } });
    expect(step).toEqual({
      kind: 'browser',
      notice:
        'Electron is not available here (the Electron binary was never downloaded; download failed: exit code 1); starting browser mode instead.',
      command: '/usr/bin/node',
      args: ['/repo/dist/electron/cli.cjs', 'serve', '--recover', '--data-dir', '/tmp/pd'],
    });
  });

  it('explains a download that "succeeded" without a binary (ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    const step = decideLaunch({ ...base, probe: missing, install: { ok: true } });
    expect(step.kind).toBe('browser');
    expect(step.kind === 'browser' && step.notice).toContain('install.js finished without providing it');
  });

  it('goes straight to browser mode without a display, even if Electron is installed', () => {
    for (const probe of [missing, { found: true as const, path: '/e' }]) {
      const step = decideLaunch({ ...base, hasDisplay: false, probe });
      expect(step.kind).toBe('browser');
      expect(step.kind === 'browser' && step.notice).toContain('no display');
    }
  });

  it('prints exactly one line', () => {
    const notice = browserModeNotice('x');
    expect(notice).toBe('Electron is not available here (x); starting browser mode instead.');
    expect(notice).not.toContain('\n');
  });

  it('tolerates a trailing separator in the app dir', () => {
    const step = decideLaunch({ ...base, appDir: 'C:\\pd\\', probe: missing });
    expect(step.kind === 'install' && step.args[0]).toBe('C:\\pd/node_modules/electron/install.js');
  });
});
