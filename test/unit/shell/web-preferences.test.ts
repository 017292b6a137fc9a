import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/shell/web-preferences';

describe('secureWebPreferences', () => {
  it('is exactly the hardened set, with the preload', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('has no preload key at all for bridge-less windows (the print window)', () => {
    const prefs = secureWebPreferences();
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('returns a fresh object each time, so one window cannot loosen another', () => {
    const a = secureWebPreferences();
    a.sandbox = false;
    expect(secureWebPreferences().sandbox).toBe(true);
  });
});
