import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossPageSealStrips, MIN_STRIP } from '../../../../../electron/core/pdf/stamp/cross-page-seal';
import { A4 } from '../../../../../electron/core/pdf/pdf-units';

const a4 = { widthPt: A4.width, heightPt: A4.height };

describe('crossPageSealStrips (骑缝章)', () => {
  it('gives each of 3 pages a third of the seal at its right edge, left third on page 1', () => {
    const strips = crossPageSealStrips([a4, a4, a4], 1);
    expect(strips.map((s) => s.pageIndex)).toEqual([0, 1, 2]);
    const width = strips[0]!.image.width;
    for (const [k, s] of strips.entries()) {
      expect(s.clip.x + s.clip.width).toBeCloseTo(A4.width);
      expect(s.clip.width).toBeCloseTo(width / 3);
      // The visible slice is image columns [k/3, (k+1)/3).
      expect(s.clip.x - s.image.x).toBeCloseTo((k * width) / 3);
      expect(s.clip.y + s.clip.height / 2).toBeCloseTo(A4.height / 2);
    }
  });

  it('draws nothing for a single page', () => {
    expect(crossPageSealStrips([a4], 1)).toEqual([]);
  });

  it('splits long documents into balanced groups of at least 2 pages, none thinner than the minimum slice if avoidable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (n, aspect) => {
        const strips = crossPageSealStrips(Array.from({ length: n }, () => a4), aspect);
        if (strips.length !== n) return false;
        // Group boundaries: where the slice index restarts at the image's left edge.
        const starts = strips.map((s, i) => (Math.abs(s.clip.x - s.image.x) < 1e-9 ? i : -1)).filter((i) => i >= 0);
        const sizes = starts.map((s, i) => (starts[i + 1] ?? n) - s);
        const perSeal = Math.max(2, Math.floor(strips[0]!.image.width / MIN_STRIP));
        return sizes.every((s) => s >= 2) && Math.max(...sizes) - Math.min(...sizes) <= 1 && (sizes.length === 1 || Math.max(...sizes) <= perSeal);
      }),
    );
  });

  it('keeps every slice on its page, also for mixed page sizes and tiny pages', () => {
    const pages = [a4, { widthPt: 842, heightPt: 595 }, { widthPt: 20, heightPt: 30 }, a4];
    for (const s of crossPageSealStrips(pages, 1)) {
      const p = pages[s.pageIndex]!;
      expect(s.clip.x).toBeGreaterThanOrEqual(0);
      expect(s.clip.y).toBeGreaterThanOrEqual(0);
      expect(s.clip.y + s.clip.height).toBeLessThanOrEqual(p.heightPt);
      expect(s.clip.x + s.clip.width).toBeCloseTo(p.widthPt);
    }
  });
});
