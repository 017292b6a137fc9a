import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
// Why `?worker&url`: Vite emits the worker as its own `.js` chunk (`pledge serve` types `.js` but not `.mjs`).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

export type { PDFDocumentProxy, PDFPageProxy };

/** pdf.js is large: it is loaded only when the stamp screen opens a PDF, with its worker bundled (no network). */
async function pdfjs(): Promise<typeof PdfJs> {
  const lib = await import('pdfjs-dist');
  lib.GlobalWorkerOptions.workerSrc = workerUrl;
  return lib;
}

/** Thrown when the PDF needs a password pdf.js was not given (or was given a wrong one). */
export class PreviewPasswordError extends Error {}

/** Opens the bytes for preview. pdf.js takes the buffer over, so it gets its own copy. */
export async function openPreview(bytes: ArrayBuffer, password?: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes.slice(0)),
    ...(password !== undefined ? { password } : {}),
    isEvalSupported: false,
    // Why: nothing may be fetched from the network or outside the bundle; missing standard fonts fall back.
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    if (err instanceof Error && err.name === 'PasswordException') throw new PreviewPasswordError(err.message);
    throw err;
  }
}

/**
 * Renders one page (pdf.js applies its crop box and /Rotate) into the canvas at `cssWidth` CSS pixels wide,
 * sharp on high-density screens. Resolves once drawn; `cancel` stops a render that is no longer wanted.
 */
export function renderPage(page: PDFPageProxy, canvas: HTMLCanvasElement, cssWidth: number): { done: Promise<void>; cancel: () => void } {
  const unscaled = page.getViewport({ scale: 1 });
  const dpr = Math.min(window.devicePixelRatio || 1, 3);
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * dpr });
  canvas.width = Math.max(1, Math.floor(viewport.width));
  canvas.height = Math.max(1, Math.floor(viewport.height));
  const task = page.render({ canvas, viewport });
  return {
    done: task.promise,
    cancel: () => task.cancel(),
  };
}
