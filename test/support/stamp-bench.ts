import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { stampPdf } from '../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from './make-png';

/** A text-heavy PDF of `pages` A4 pages (40 lines of Helvetica each), made with stock pdf-lib. */
export async function makeLongPdf(pages = 200): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    // Why setFont once: passing `font` to every drawText gives each call its own resource name (pdf-lib).
    page.setFont(font);
    for (let l = 0; l < 40; l++) page.drawText(`Page ${p + 1}, line ${l + 1}: the merchant undertakes to keep the shop honest.`, { x: 56, y: 780 - l * 18, size: 10 });
  }
  return doc.save();
}

/**
 * Stamps a signature and a date (default placement, last page) onto a 200-page PDF `runs` times and returns
 * the wall times in ms, first (cold: font parse, module warm-up) to last. For `npm run bench`:
 * target < 300 ms.
 */
export async function benchStamp200(resourcesDir: string, runs = 10): Promise<{ times: number[]; inputBytes: number; outputBytes: number }> {
  const font = new Uint8Array(readFileSync(join(resourcesDir, 'fonts', 'LXGWWenKai-Regular.ttf')));
  const input = await makeLongPdf(200);
  const signature = makeSignaturePng();
  const times: number[] = [];
  let outputBytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = await stampPdf(input, { signature, date: '2026-11-28', font });
    times.push(performance.now() - t);
    outputBytes = result.bytes.length;
  }
  return { times, inputBytes: input.length, outputBytes };
}
