import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every window the app opens, written out in full rather than left to Electron's
 * defaults, so that a unit test can assert them and a future Electron default change cannot loosen them.
 *
 * The page gets no Node, runs in Chromium's sandbox with context isolation, and can reach the main process only
 * through the `window.pledge` bridge the preload builds. `preload` is omitted for windows that need no bridge
 * (the hidden print window), which then have no IPC surface at all.
 */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  const prefs: WebPreferences = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
  if (preloadPath !== undefined) prefs.preload = preloadPath;
  return prefs;
}
