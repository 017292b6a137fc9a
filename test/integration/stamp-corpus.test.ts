/**
 * Stamps a signature and a date on the last page of every PDF in the shared corpus (real files made by other
 * tools: rotated, forms, odd boxes, signed, encrypted, damaged, fuzzed) and requires, for each, EITHER a valid
 * output (qpdf --check clean, or only warnings where the input already had some; the stamp visible where it
 * was placed when the page is rendered) OR a clear StampError, within the per-file time limit.
 * The corpus lives outside the repository (`../shared/corpus/pdfs/`); the files are read, never copied.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../electron/core/pdf/stamp/inspect-pdf';
import { isPdfErrorCode, StampError } from '../../electron/core/pdf/stamp/stamp-errors';
import type { StampResult } from '../../electron/core/pdf/stamp/stamp-options';
import { stampPdf } from '../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from '../support/make-png';
import { REPO_ROOT, RESOURCES_DIR } from '../support/paths';
import type { GrayImage } from '../support/render-page';
import { qpdfCheckStatus, renderPageGray } from '../support/render-page';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus', 'pdfs');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];
const DPI = 30;
const TIME_LIMIT_MS = 10_000;
/** Files that stamp correctly today; fewer is a regression (the table below shows which changed). */
const MIN_OK = 51;

const font = new Uint8Array(readFileSync(join(RESOURCES_DIR, 'fonts', 'LXGWWenKai-Regular.ttf')));
const signature = makeSignaturePng();
const rows: Array<{ file: string; outcome: string; ms: number; note: string }> = [];
const out = files.length > 0 ? makeTempDir('pledge-stamp-corpus-') : '';

/**
 * The ink the stamp added inside `rect` (view space, points), in units of one fully black pixel: the summed
 * darkening of every pixel that got darker than before; and the darkest such pixel. Thin strokes at low
 * resolution are grey, so darkening is summed rather than pixels counted.
 */
function inkIn(
  before: GrayImage | undefined,
  after: GrayImage,
  page: { widthPt: number; heightPt: number },
  rect: { x: number; y: number; width: number; height: number },
): { ink: number; darkest: number } {
  const sx = after.width / page.widthPt;
  const sy = after.height / page.heightPt;
  const x0 = Math.max(0, Math.floor(rect.x * sx) - 1);
  const x1 = Math.min(after.width, Math.ceil((rect.x + rect.width) * sx) + 1);
  const y0 = Math.max(0, Math.floor((page.heightPt - rect.y - rect.height) * sy) - 1);
  const y1 = Math.min(after.height, Math.ceil((page.heightPt - rect.y) * sy) + 1);
  const same = before && before.width === after.width && before.height === after.height;
  let ink = 0;
  let darkest = 255;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const a = after.pixels[y * after.width + x] as number;
      const b = same ? (before.pixels[y * before.width + x] as number) : 255;
      if (b - a > 16) {
        ink += (b - a) / 255;
        darkest = Math.min(darkest, a);
      }
    }
  }
  return { ink, darkest };
}

// The corpus is part of shared/, which CI lays beside the clone: a missing corpus is a failure, not a skip.
describe('stamping the shared corpus', () => {
  it('finds the corpus beside the repository', () => {
    expect(files.length, `no PDFs in ${CORPUS}`).toBeGreaterThan(0);
  });

  afterAll(() => {
    const width = Math.max(...rows.map((r) => r.file.length));
    const lines = rows.map((r) => `${r.file.padEnd(width)}  ${r.outcome.padEnd(14)} ${String(Math.round(r.ms)).padStart(6)} ms  ${r.note}`);
    const ok = rows.filter((r) => r.outcome === 'ok').length;
    console.log(`\nstamp corpus: ${ok} ok, ${rows.length - ok} refused, of ${rows.length}\n${lines.join('\n')}`);
    removeTempDirs();
  });

  it.each(files)('%s', async (file) => {
    const inputPath = join(CORPUS, file);
    const bytes = new Uint8Array(readFileSync(inputPath));
    const started = performance.now();
    let result: StampResult;
    try {
      result = await stampPdf(bytes, { signature, date: '2026-11-28', font }, { deadline: { now: () => performance.now(), at: started + TIME_LIMIT_MS } });
    } catch (error) {
      const ms = performance.now() - started;
      rows.push({ file, outcome: error instanceof StampError ? error.code : 'CRASH', ms, note: error instanceof Error ? error.message.slice(0, 90) : String(error) });
      expect(error, 'only a StampError with a PDF_* code is a clear refusal').toBeInstanceOf(StampError);
      expect(isPdfErrorCode((error as StampError).code)).toBe(true);
      expect((error as StampError).message.length).toBeGreaterThan(10);
      expect(ms).toBeLessThan(TIME_LIMIT_MS);
      return;
    }
    const ms = performance.now() - started;
    const outputPath = join(out, file);
    writeFileSync(outputPath, result.bytes);
    const note = result.warnings.map((w) => w.code).join(',');
    rows.push({ file, outcome: 'ok', ms, note });
    expect(ms).toBeLessThan(TIME_LIMIT_MS);

    const checked = qpdfCheckStatus(outputPath);
    if (checked.status !== 0) {
      // Warnings are tolerated only where the input had problems of its own (then qpdf repairs on the fly).
      expect(checked.status, checked.output).toBe(3);
      expect(qpdfCheckStatus(inputPath).status, `qpdf warns on the output but not on the input:\n${checked.output}`).not.toBe(0);
    }

    const inspected = await inspectPdf(result.bytes);
    const last = inspected.pageCount;
    expect(result.stampedPages).toEqual([last]);
    const page = inspected.pages[last - 1]!;
    // Small pages (a 50 pt banner) get their stamps scaled down with them: render those finer.
    const dpi = Math.max(DPI, Math.ceil((150 * 72) / Math.min(page.widthPt, page.heightPt)));
    const after = renderPageGray(outputPath, last, dpi);
    expect(after, 'the stamped page must render').toBeDefined();
    // The input only through poppler: if poppler cannot draw it, the stamp region is compared with white.
    const before = renderPageGray(inputPath, last, dpi, { ghostscript: false });
    for (const placed of result.placed) {
      const { ink, darkest } = inkIn(before, after!, page, placed.rect);
      expect(ink, `${placed.what} is not visible on page ${last}`).toBeGreaterThanOrEqual(2);
      expect(darkest, `${placed.what} on page ${last} is too faint`).toBeLessThan(200);
    }
  });

  it('stamps at least the files it stamped when this test was written', () => {
    expect(rows.filter((r) => r.outcome === 'ok').length).toBeGreaterThanOrEqual(MIN_OK);
  });
});
