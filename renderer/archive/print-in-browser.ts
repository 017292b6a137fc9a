import type { ApiResult } from '../../electron/shared/api-error';
import type { BrowserPrintResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { openPdf, printPdf } from './print-pdf';

/**
 * Browser mode's print of one record: `archive.printInBrowser` logs it and names the PDF to print. The
 * archived PDF is the one in the preview, printed from there; a copy marked 副本 opens in a new window to
 * be printed with the viewer's print button.
 */
export async function printInBrowser(id: string, copyMark: boolean, frame: HTMLIFrameElement | null, previewUrl: string): Promise<ApiResult<BrowserPrintResult>> {
  // Why open the window before the call: making the marked copy takes a moment, and a window opened after
  // the click's user activation has expired is blocked as a pop-up. It is pointed at the copy once it exists.
  const win = copyMark ? window.open('', '_blank') : null;
  if (win) win.opener = null;
  const res = await call('archive.printInBrowser', { id, copyMark });
  if (!res.ok) {
    win?.close();
    return res;
  }
  if (res.value.url === previewUrl) {
    win?.close();
    printPdf(frame, res.value.url);
  } else if (win) win.location.href = res.value.url;
  else openPdf(res.value.url);
  return res;
}
