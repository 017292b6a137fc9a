import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { secureWebPreferences } from './web-preferences';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload, `dist/electron/preload.cjs` (inside the asar when packaged). */
  preloadPath: string;
}

/**
 * Creates the one app window and loads the renderer from `app://pledge-desk/index.html`.
 *
 * The window is shown only once the first paint is ready, to avoid a white flash. Navigation, popups and
 * permissions are guarded per web contents by `guardWebContents` (security.ts), which main.ts attaches to every
 * web contents as it is created, so this window needs no guards of its own.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Pledge Desk',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error(`Pledge Desk: could not load ${APP_INDEX_URL}:`, error);
  });
  return win;
}
