import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPlacements } from '../../../../../electron/core/pdf/stamp/default-placements';
import type { PdfRect } from '../../../../../electron/core/pdf/stamp/page-frame';
import { A4 } from '../../../../../electron/core/pdf/pdf-units';

const inside = (r: PdfRect, W: number, H: number): boolean => r.x >= -1e-9 && r.y >= -1e-9 && r.x + r.width <= W + 1e-9 && r.y + r.height <= H + 1e-9 && r.width > 0 && r.height > 0;
const overlap = (a: PdfRect, b: PdfRect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('defaultPlacements', () => {
  it('puts the signature above the date at the bottom right of an A4 page, and the seal over the date', () => {
    const placed = defaultPlacements({ widthPt: A4.width, heightPt: A4.height }, { signatureAspect: 3, sealAspect: 1, dateWidthPerPt: 7.8 });
    const by = Object.fromEntries(placed.map((p) => [p.what, p.rect]));
    expect(by.signature).toMatchObject({ width: 150, height: 50 });
    expect(by.date!.height).toBeCloseTo(15);
    expect(by.date!.width).toBeCloseTo(12 * 7.8);
    // Right-aligned at the 36 pt margin (6% of 595 pt), the date on the bottom margin, the signature above it.
    expect(by.signature!.x + by.signature!.width).toBeCloseTo(A4.width - 35.7, 0);
    expect(by.date!.x + by.date!.width).toBeCloseTo(A4.width - 35.7, 0);
    expect(by.date!.y).toBeCloseTo(35.7, 0);
    expect(by.signature!.y).toBeGreaterThan(by.date!.y + by.date!.height);
    // The seal: 40 mm, centred on the date (骑年盖月).
    expect(by.seal!.width).toBeCloseTo(113.4, 0);
    expect(by.seal!.x + by.seal!.width / 2).toBeCloseTo(by.date!.x + by.date!.width / 2);
  });

  it('keeps every stamp on the page and the signature clear of the date, for any page from 1 pt to 200 inches', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 14400, noNaN: true }),
        fc.double({ min: 1, max: 14400, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.boolean(),
        (W, H, signatureAspect, sealAspect, withDate) => {
          const placed = defaultPlacements({ widthPt: W, heightPt: H }, { signatureAspect, sealAspect, ...(withDate ? { dateWidthPerPt: 7.8 } : {}) });
          const sig = placed.find((p) => p.what === 'signature')!.rect;
          const date = placed.find((p) => p.what === 'date')?.rect;
          return placed.every((p) => inside(p.rect, W, H)) && (!date || !overlap(sig, date)) && Math.abs(sig.width / sig.height - signatureAspect) < 1e-6;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives a short banner page a signature that fills the height above the date', () => {
    const placed = defaultPlacements({ widthPt: 400, heightPt: 50 }, { signatureAspect: 3, dateWidthPerPt: 7.8 });
    const sig = placed.find((p) => p.what === 'signature')!.rect;
    expect(sig.height).toBeGreaterThan(25);
  });
});
