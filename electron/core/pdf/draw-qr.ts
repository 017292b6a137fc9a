import QRCode from 'qrcode';
import type { PDFOperator, PDFPage } from 'pdf-lib';
import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor } from 'pdf-lib';

/**
 * Draws a QR code as vector squares (sharp at any print resolution, no image decoder needed) with its
 * bottom-left corner at (x, y) and the given side, in PDF points. Error correction M survives a crease.
 * The dark modules go out as ONE filled path of horizontal runs in module units (`re` per run, one `f`):
 * a rectangle per module through pdf-lib's drawRectangle cost about 15 ms per pledge in operators alone.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = side / (modules.size + quiet * 2);
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0), concatTransformationMatrix(cell, 0, 0, cell, x, y)];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      let end = col + 1;
      while (end < modules.size && modules.get(row, end)) end++;
      // y grows upwards in PDF: row 0 is the top row. A hair of overlap hides seams between runs in viewers.
      ops.push(rectangle(col + quiet, modules.size + quiet - row - 1, end - col, 1.01));
      col = end;
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/** What the QR code of a pledge says: its record id and its full content hash. */
export function verificationPayload(docId: string, contentHash: string): string {
  return `PLEDGEDESK:1:${docId}:${contentHash}`;
}

/** The code printed under the QR code and in every footer: record id + the first 12 hex digits of the hash. */
export function verificationCode(docId: string, contentHash: string): string {
  return `${docId}-${contentHash.slice(0, 12)}`;
}
