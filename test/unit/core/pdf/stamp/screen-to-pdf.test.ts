import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageFrame, PdfRect } from '../../../../../electron/core/pdf/stamp/page-frame';
import { makePageFrame } from '../../../../../electron/core/pdf/stamp/page-frame';
import { pdfToScreen, screenToPdf, screenToView, userToView, viewToScreen, viewToUser } from '../../../../../electron/core/pdf/stamp/screen-to-pdf';
import type { ScreenRect, Viewport } from '../../../../../electron/core/pdf/stamp/screen-px';
import { px } from '../../../../../electron/core/pdf/stamp/screen-px';
import { pt } from '../../../../../electron/core/pdf/pdf-units';

const rect = (x: number, y: number, width: number, height: number): PdfRect => ({ x: pt(x), y: pt(y), width: pt(width), height: pt(height) });
const srect = (x: number, y: number, w: number, h: number): ScreenRect => ({ xPx: px(x), yPx: px(y), wPx: px(w), hPx: px(h) });
const vp = (w: number, h: number): Viewport => ({ widthPx: px(w), heightPx: px(h) });

/** Equal up to floating-point noise relative to the size of the numbers involved. */
function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, scale);
}

// A 600 × 800 pt media box with a 500 × 600 crop box at (50, 100): the usual "odd box" case.
const media = [0, 0, 600, 800];
const crop = [50, 100, 550, 700];

describe('screenToPdf: worked examples', () => {
  it('maps the whole preview onto the crop box for every rotation', () => {
    for (const rotate of [0, 90, 180, 270]) {
      const frame = makePageFrame({ mediaBox: media, cropBox: crop, rotate });
      const size = vp(frame.widthPt * 1.5, frame.heightPt * 1.5);
      expect(screenToPdf(frame, srect(0, 0, size.widthPx, size.heightPx), size)).toEqual(rect(50, 100, 500, 600));
    }
  });

  it('flips y: the top-left corner of the preview is the top of the page at 0°', () => {
    const frame = makePageFrame({ mediaBox: media, cropBox: crop });
    // 10 × 10 px at the top-left of a 1:1 preview → the crop box's top-left corner in user space.
    expect(screenToPdf(frame, srect(0, 0, 10, 10), vp(500, 600))).toEqual(rect(50, 690, 10, 10));
    expect(screenToView(frame, srect(0, 0, 10, 10), vp(500, 600))).toEqual(rect(0, 590, 10, 10));
  });

  it('turns the rectangle with the page: 90°, 180° and 270°', () => {
    // The same 20 × 10 px box at the preview's top-left corner, 1 px = 1 pt.
    const at = (rotate: number): PdfRect => {
      const frame = makePageFrame({ mediaBox: media, cropBox: crop, rotate });
      return screenToPdf(frame, srect(0, 0, 20, 10), vp(frame.widthPt, frame.heightPt));
    };
    // /Rotate 90 shows the user-space bottom-left corner at the top-left; the box's width runs up the page.
    expect(at(90)).toEqual(rect(50, 100, 10, 20));
    // 180: top-left of the view is the user-space bottom-right corner.
    expect(at(180)).toEqual(rect(530, 100, 20, 10));
    // 270: top-left of the view is the user-space top-right corner; width runs down.
    expect(at(270)).toEqual(rect(540, 680, 10, 20));
  });

  it('scales a preview of another size, including one squeezed to another aspect ratio', () => {
    const frame = makePageFrame({ mediaBox: [0, 0, 100, 200] });
    expect(screenToPdf(frame, srect(10, 20, 30, 40), vp(50, 50))).toEqual(rect(20, 200 - 60 * 4, 60, 160));
  });

  it('normalises a rectangle dragged up and to the left', () => {
    const frame = makePageFrame({ mediaBox: media });
    expect(screenToPdf(frame, srect(40, 40, -20, -30), vp(600, 800))).toEqual(screenToPdf(frame, srect(20, 10, 20, 30), vp(600, 800)));
  });

  it('handles tiny pages and a crop box at negative coordinates', () => {
    const frame = makePageFrame({ mediaBox: [-3, -2, -1, 1], rotate: 270 });
    expect(frame.widthPt).toBe(3);
    expect(frame.heightPt).toBe(2);
    expect(screenToPdf(frame, srect(0, 0, 300, 200), vp(300, 200))).toEqual(rect(-3, -2, 2, 3));
  });

  it('refuses an empty viewport instead of producing infinities', () => {
    const frame = makePageFrame({ mediaBox: media });
    expect(() => screenToPdf(frame, srect(0, 0, 1, 1), vp(0, 100))).toThrow(RangeError);
    expect(() => pdfToScreen(frame, rect(0, 0, 1, 1), vp(100, Number.NaN))).toThrow(RangeError);
  });
});

/** Random page frames: any box position and size from 0.5 pt to 14,400 pt (the PDF maximum), any /Rotate. */
const frameArb: fc.Arbitrary<PageFrame> = fc
  .record({
    x: fc.double({ min: -5000, max: 5000, noNaN: true }),
    y: fc.double({ min: -5000, max: 5000, noNaN: true }),
    w: fc.double({ min: 0.5, max: 14400, noNaN: true }),
    h: fc.double({ min: 0.5, max: 14400, noNaN: true }),
    inset: fc.tuple(fc.double({ min: 0, max: 0.45, noNaN: true }), fc.double({ min: 0, max: 0.45, noNaN: true })),
    rotate: fc.integer({ min: -8, max: 8 }).map((k) => k * 90),
  })
  .map(({ x, y, w, h, inset, rotate }) =>
    makePageFrame({ mediaBox: [x, y, x + w, y + h], cropBox: [x + inset[0] * w, y + inset[1] * h, x + w - inset[1] * w, y + h - inset[0] * h], rotate }),
  );
const viewportArb = fc.record({ w: fc.double({ min: 1, max: 8000, noNaN: true }), h: fc.double({ min: 1, max: 8000, noNaN: true }) }).map(({ w, h }) => vp(w, h));

describe('screenToPdf: properties', () => {
  it('pdfToScreen(screenToPdf(r)) is r', () => {
    fc.assert(
      fc.property(frameArb, viewportArb, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (frame, view, [a, b, c, d]) => {
        const r = srect(a * view.widthPx, b * view.heightPx, c * view.widthPx, d * view.heightPx);
        const back = pdfToScreen(frame, screenToPdf(frame, r, view), view);
        const s = Math.max(view.widthPx, view.heightPx);
        return close(back.xPx, r.xPx, s) && close(back.yPx, r.yPx, s) && close(back.wPx, r.wPx, s) && close(back.hPx, r.hPx, s);
      }),
      { numRuns: 2000 },
    );
  });

  it('screenToPdf(pdfToScreen(u)) is u, and user ⇄ view round-trips', () => {
    fc.assert(
      fc.property(frameArb, viewportArb, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (frame, view, [a, b, c, d]) => {
        const { x, y, width, height } = frame.cropBox;
        const u = rect(x + a * width, y + b * height, c * width, d * height);
        const s = Math.max(Math.abs(x), Math.abs(y), width, height);
        const viaScreen = screenToPdf(frame, pdfToScreen(frame, u, view), view);
        const viaView = viewToUser(frame, userToView(frame, u));
        return [viaScreen, viaView].every((r) => close(r.x, u.x, s) && close(r.y, u.y, s) && close(r.width, u.width, s) && close(r.height, u.height, s));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps inside the page whatever lies inside the preview, and swaps width and height for quarter turns', () => {
    fc.assert(
      fc.property(frameArb, viewportArb, (frame, view) => {
        const whole = screenToPdf(frame, srect(0, 0, view.widthPx, view.heightPx), view);
        const { x, y, width, height } = frame.cropBox;
        const s = Math.max(Math.abs(x), Math.abs(y), width, height);
        const quarter = frame.rotate === 90 || frame.rotate === 270;
        return (
          close(whole.x, x, s) && close(whole.y, y, s) && close(whole.width, width, s) && close(whole.height, height, s) &&
          close(quarter ? frame.widthPt : frame.heightPt, height, s)
        );
      }),
    );
  });

  it('viewToScreen ∘ screenToView is the identity', () => {
    fc.assert(
      fc.property(frameArb, viewportArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (frame, view, a, b) => {
        const r = srect(a * view.widthPx, b * view.heightPx, (1 - a) * view.widthPx, (1 - b) * view.heightPx);
        const back = viewToScreen(frame, screenToView(frame, r, view), view);
        const s = Math.max(view.widthPx, view.heightPx);
        return close(back.xPx, r.xPx, s) && close(back.yPx, r.yPx, s) && close(back.wPx, r.wPx, s) && close(back.hPx, r.hPx, s);
      }),
    );
  });
});

describe('screenToPdf agrees with pdf.js, which renders the preview', () => {
  it('for every rotation, crop box offsets and a tiny page', async () => {
    const cases = [
      { media: [0, 0, 595, 842], crop: undefined },
      { media: [0, 0, 600, 800], crop: [50, 100, 550, 700] },
      { media: [-270, -95, 270, 95], crop: undefined },
      { media: [0, 0, 4, 3], crop: [1, 1, 3, 2.5] },
    ];
    const doc = await PDFDocument.create();
    const expected: PageFrame[] = [];
    for (const c of cases) {
      for (const rotate of [0, 90, 180, 270]) {
        const page = doc.addPage([1, 1]);
        page.setMediaBox(c.media[0]!, c.media[1]!, c.media[2]! - c.media[0]!, c.media[3]! - c.media[1]!);
        if (c.crop) page.setCropBox(c.crop[0]!, c.crop[1]!, c.crop[2]! - c.crop[0]!, c.crop[3]! - c.crop[1]!);
        page.setRotation(degrees(rotate));
        expected.push(makePageFrame({ mediaBox: c.media, ...(c.crop ? { cropBox: c.crop } : {}), rotate }));
      }
    }
    const pdf = await getDocument({ data: await doc.save(), verbosity: 0 }).promise;
    for (let i = 0; i < expected.length; i++) {
      const frame = expected[i]!;
      const viewport = (await pdf.getPage(i + 1)).getViewport({ scale: 1.7 });
      const view = vp(viewport.width, viewport.height);
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
          const sx = a * viewport.width;
          const sy = b * viewport.height;
          const [ux, uy] = viewport.convertToPdfPoint(sx, sy) as [number, number];
          // A zero-size rectangle at (sx, sy) is that point; its user-space image is pdf.js's point.
          const mine = screenToPdf(frame, srect(sx, sy, 0, 0), view);
          return Math.abs(mine.x - ux) < 1e-6 && Math.abs(mine.y - uy) < 1e-6;
        }),
        { numRuns: 200 },
      );
    }
    await pdf.destroy();
  });
});
