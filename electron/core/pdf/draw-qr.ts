import QRCode from 'qrcode';
import type { PDFPage } from 'pdf-lib';
import { INK } from './page-geometry';

/**
 * Draws a QR code as vector squares (sharp at any print resolution, no image decoder needed) with its
 * bottom-left corner at (x, y) and the given side, in PDF points. Error correction M survives a crease.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = side / (modules.size + quiet * 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({
        x: x + (col + quiet) * cell,
        y: y + side - (row + quiet + 1) * cell,
        width: cell + 0.01,
        height: cell + 0.01,
        color: INK,
      });
    }
  }
}

/** What the QR code of a pledge says: its record id and its full content hash. */
export function verificationPayload(docId: string, contentHash: string): string {
  return `PLEDGEDESK:1:${docId}:${contentHash}`;
}

/** The code printed under the QR code and in every footer: record id + the first 12 hex digits of the hash. */
export function verificationCode(docId: string, contentHash: string): string {
  return `${docId}-${contentHash.slice(0, 12)}`;
}
