import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import type { PdfRect } from '../../../../../electron/core/pdf/stamp/page-frame';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { pt } from '../../../../../electron/core/pdf/pdf-units';
import { makeSealPng } from '../../../../support/make-seal-png';
import { makeSignaturePng } from '../../../../support/make-png';
import type { GrayImage } from '../../../../support/render-page';
import { inkBox, qpdfCheckStatus } from '../../../../support/render-page';
import { FONT, makePdf, renderBytes, tempPdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

const signature = makeSignaturePng();
const seal = makeSealPng();
const rect = (x: number, y: number, width: number, height: number): PdfRect => ({ x: pt(x), y: pt(y), width: pt(width), height: pt(height) });
/** 36 dpi: one pixel is two points. */
const S = 0.5;

afterAll(removeTempDirs);

/** The render with everything outside [x0, x1) × [y0, y1) (pixels) painted white. */
function crop(img: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const pixels = new Uint8Array(img.pixels.length).fill(255);
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, x1); x++) pixels[y * img.width + x] = img.pixels[y * img.width + x]!;
  }
  return { ...img, pixels };
}

describe('stampPdf places stamps where the user sees them, upright', () => {
  for (const rotate of [0, 90, 180, 270]) {
    it(`on a page with /Rotate ${rotate} and a crop box away from the origin`, async () => {
      const input = await makePdf([{ size: [600, 800], cropBox: [40, 60, 560, 760], rotate }]);
      const [W, H] = rotate % 180 === 0 ? [520, 700] : [700, 520];
      const result = await stampPdf(input, {
        signature,
        date: '2026-11-28',
        font: FONT,
        placements: [
          { page: 1, what: 'signature', rect: rect(60, 80, 150, 50) },
          { page: 'last', what: 'date', rect: rect(W - 200, 30, 160, 24) },
        ],
      });
      expect(result.warnings).toEqual([]);
      expect(qpdfCheckStatus(tempPdf(result.bytes)).status).toBe(0);
      const before = renderBytes(input, 1);
      const after = renderBytes(result.bytes, 1);
      expect([after.width, after.height]).toEqual([W * S, H * S]);

      // The signature: a wide wave across the whole placed rectangle, centred in it.
      const sigOnly = inkBox(crop(before, 0, 0, 130, (H - 60) * S), crop(after, 0, 0, 130, (H - 60) * S))!;
      expect(sigOnly.x0).toBeGreaterThanOrEqual(60 * S - 2);
      expect(sigOnly.x1).toBeLessThanOrEqual(210 * S + 2);
      expect(sigOnly.x1 - sigOnly.x0).toBeGreaterThan(150 * S * 0.9);
      expect((sigOnly.y0 + sigOnly.y1) / 2).toBeCloseTo((H - 80 - 25) * S, -0.5);
      // Upright: the wave is far wider than tall (sideways it would be the other way round).
      expect(sigOnly.x1 - sigOnly.x0).toBeGreaterThan(2.5 * (sigOnly.y1 - sigOnly.y0));

      // The date: a wide line of text inside its rectangle, bottom right.
      const dateOnly = inkBox(crop(before, (W - 200) * S - 1, (H - 54) * S - 1, W * S, H * S), crop(after, (W - 200) * S - 1, (H - 54) * S - 1, W * S, H * S))!;
      expect(dateOnly).toBeDefined();
      expect(dateOnly.x1 - dateOnly.x0).toBeGreaterThan(4 * (dateOnly.y1 - dateOnly.y0));
      expect(dateOnly.y1).toBeLessThanOrEqual((H - 30) * S + 1);
    });
  }

  it('stamps the default block at the bottom right of the crop box of the last page', async () => {
    const input = await makePdf([{}, { size: [600, 800], cropBox: [100, 150, 500, 650] }]);
    const result = await stampPdf(input, { signature, seal, date: '2026-11-28', font: FONT });
    expect(result.stampedPages).toEqual([2]);
    expect(result.placed.map((p) => p.what).sort()).toEqual(['date', 'seal', 'signature']);
    const box = inkBox(renderBytes(input, 2), renderBytes(result.bytes, 2))!;
    // The visible page is 400 × 500 pt = 200 × 250 px; the block sits in its bottom-right quarter.
    expect(box.x0).toBeGreaterThan(100);
    expect(box.y0).toBeGreaterThan(125);
    expect(box.x1).toBeLessThan(200);
    expect(box.y1).toBeLessThan(250);
    expect(inkBox(renderBytes(input, 1), renderBytes(result.bytes, 1))).toBeUndefined();
  });

  it('stamps initials on every page, whatever each page’s rotation and size', async () => {
    const specs = [{}, { rotate: 90 }, { size: [300, 200] as [number, number] }, { rotate: 270, cropBox: [10, 10, 400, 500] as [number, number, number, number] }];
    const input = await makePdf(specs);
    const result = await stampPdf(input, { signature, placements: [{ page: 'all', what: 'signature', rect: rect(10, 10, 60, 20) }] });
    expect(result.stampedPages).toEqual([1, 2, 3, 4]);
    for (let p = 1; p <= 4; p++) {
      const after = renderBytes(result.bytes, p);
      const box = inkBox(renderBytes(input, p), after)!;
      // Bottom-left corner as seen, 60 × 20 pt = 30 × 10 px, wide.
      expect(box.x0).toBeLessThan(10);
      expect(box.y1).toBeGreaterThan(after.height - 12);
      expect(box.x1 - box.x0).toBeGreaterThan(2 * (box.y1 - box.y0));
    }
  });

  it('splits a cross-page seal into strips at the right edge of every page (骑缝章)', async () => {
    const input = await makePdf([{}, { rotate: 90 }, {}]);
    // The signature alone on the last page, so that every seal placed is a strip.
    const result = await stampPdf(input, { signature, seal, crossPageSeal: true, placements: [{ page: 'last', what: 'signature', rect: rect(20, 20, 90, 30) }] });
    expect(result.stampedPages).toEqual([1, 2, 3]);
    const strips = result.placed.filter((p) => p.what === 'seal');
    expect(strips.map((s) => s.page)).toEqual([1, 2, 3]);
    for (let p = 1; p <= 3; p++) {
      const after = renderBytes(result.bytes, p);
      const before = renderBytes(input, p);
      // Only a strip: it ends at the right edge and is about a third of the 40 mm seal (≈ 19 px) wide,
      // centred on the page's height; nothing else on pages 1 and 2.
      const edge = after.width - 40;
      const box = inkBox(crop(before, edge, 0, after.width, after.height), crop(after, edge, 0, after.width, after.height))!;
      expect(box.x1).toBeGreaterThanOrEqual(after.width - 2);
      expect(box.x0).toBeGreaterThan(after.width - 25);
      expect(Math.abs((box.y0 + box.y1) / 2 - after.height / 2)).toBeLessThan(4);
      if (p < 3) expect(inkBox(crop(before, 0, 0, edge, after.height), crop(after, 0, 0, edge, after.height))).toBeUndefined();
    }
  });

  it('warns instead of stamping a cross-page seal on a single page', async () => {
    const result = await stampPdf(await makePdf([{}]), { signature, seal, crossPageSeal: true });
    expect(result.warnings.map((w) => w.code)).toContain('cross-page-seal-single-page');
  });

  it('handles a tiny page and a media box at negative coordinates', async () => {
    const input = await makePdf([{ mediaBox: [-270, -95, 270, 95] }, { size: [30, 20] }]);
    for (const page of [1, 2]) {
      const result = await stampPdf(input, { signature, placements: [{ page, what: 'signature', rect: rect(0, 0, 30, 10) }] });
      expect(inspectPdf(result.bytes)).resolves.toBeDefined();
      expect(inkBox(renderBytes(input, page, 144), renderBytes(result.bytes, page, 144))).toBeDefined();
    }
  });

  it('warns when a stamp reaches over the page edge, and refuses one wholly outside', async () => {
    const input = await makePdf([{ size: [200, 200] }]);
    const partly = await stampPdf(input, { signature, placements: [{ page: 1, what: 'signature', rect: rect(150, 10, 100, 30) }] });
    expect(partly.warnings.map((w) => w.code)).toEqual(['partly-outside-page']);
    await expect(stampPdf(input, { signature, placements: [{ page: 1, what: 'signature', rect: rect(250, 10, 100, 30) }] })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'placements[0].rect',
    });
  });

  it('moves the standard block to --at and onto the --page given, as the CLI asks', async () => {
    const input = await makePdf([{}, {}, {}]);
    const result = await stampPdf(input, { signature, seal, date: '2026-11-28', font: FONT, block: { page: 2, at: { x: pt(72), y: pt(600) } } });
    expect(result.stampedPages).toEqual([2]);
    const xs = result.placed.map((p) => p.rect.x);
    const ys = result.placed.map((p) => p.rect.y);
    expect(Math.min(...xs)).toBeCloseTo(72);
    expect(Math.min(...ys)).toBeCloseTo(600);
    const box = inkBox(renderBytes(input, 2), renderBytes(result.bytes, 2))!;
    // 72 pt from the left = 36 px; 600 pt up an 842 pt page = 121 px from the top.
    expect(box.x0).toBeGreaterThanOrEqual(35);
    expect(box.x0).toBeLessThan(60);
    expect(box.y1).toBeLessThanOrEqual(Math.ceil((841.89 - 600) * S) + 1);
    const partly = await stampPdf(input, { signature, block: { page: 1, at: { x: pt(580), y: pt(10) } } });
    expect(partly.warnings.map((w) => w.code)).toEqual(['partly-outside-page']);
    const all = await stampPdf(input, { signature, block: { page: 'all' } });
    expect(all.stampedPages).toEqual([1, 2, 3]);
    await expect(stampPdf(input, { signature, block: { page: 1, at: { x: pt(700), y: pt(10) } } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'block.at' });
    await expect(stampPdf(input, { signature, block: { page: 4 } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'block.page' });
  });
});
