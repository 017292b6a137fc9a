/**
 * Prints the archived PDF. The preview iframe is same-origin (`/blobs/…` or `pledge-blob://…` inside the app),
 * so its window prints the PDF itself; when that is refused, the PDF opens in a new window where the
 * viewer's own print button remains.
 */
export function printPdf(frame: HTMLIFrameElement | null, url: string): void {
  try {
    const win = frame?.contentWindow;
    if (!win) throw new Error('no preview frame');
    win.focus();
    win.print();
  } catch {
    openPdf(url);
  }
}

/** Opens a PDF in a new window, where the viewer's own print button prints it (a marked copy is not in the preview). */
export function openPdf(url: string): void {
  // Why not 'noopener' in the features: with it window.open returns null and we could not drop the opener.
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
}
