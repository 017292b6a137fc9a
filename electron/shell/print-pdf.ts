import { BrowserWindow } from 'electron';
import { BLOB_URL_PREFIX } from './app-url';
import { secureWebPreferences } from './web-preferences';

const BLOB_ID = /^[0-9a-f]{64}$/;

/**
 * Opens the system print dialog for a stored PDF.
 *
 * `webContents.printToPDF` renders HTML, and printing an existing PDF needs Chromium's PDF viewer, so the PDF is
 * loaded by its `pledge-blob://` URL into a hidden window (same secure webPreferences as the app, no preload, so
 * it has no IPC surface) and that window's contents are printed. Blank pages were an Electron bug fixed in
 * electron/electron#43309, which Electron 40 includes. The window is destroyed once the dialog closes.
 *
 * Resolves to whether the job was sent to a printer (false when the user cancelled).
 */
export async function printPdf(blobId: string, copies = 1): Promise<boolean> {
  if (!BLOB_ID.test(blobId)) throw new Error('printPdf: malformed blob id');
  const win = new BrowserWindow({ show: false, width: 800, height: 1000, webPreferences: secureWebPreferences() });
  try {
    await win.loadURL(BLOB_URL_PREFIX + blobId);
    return await new Promise<boolean>((resolve, reject) => {
      win.webContents.print({ silent: false, printBackground: true, copies }, (success, failureReason) => {
        if (success || failureReason === 'Print job canceled') resolve(success);
        else reject(new Error(`printPdf: ${failureReason}`));
      });
    });
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
