import { describe, expect, it } from 'vitest';
import { pageToScreen, screenToPage } from '../../../../renderer/stamp/screen-to-page';

const A4 = { widthPt: 595.28, heightPt: 841.89 };

describe('screenToPage', () => {
  it('scales by canvas width / page width and flips y to the bottom-left origin', () => {
    // 1 px = 1 pt when the canvas is as wide as the page.
    expect(screenToPage({ x: 10, y: 20, width: 100, height: 50 }, { widthPt: 600, heightPt: 800 }, 600)).toEqual({ x: 10, y: 730, width: 100, height: 50 });
    // Half size: every pixel is two points.
    expect(screenToPage({ x: 10, y: 20, width: 100, height: 50 }, { widthPt: 600, heightPt: 800 }, 300)).toEqual({ x: 20, y: 660, width: 200, height: 100 });
  });

  it('puts a box in the top-left corner at y = heightPt − h and one in the bottom-right at (W − w, 0)', () => {
    const cssWidth = 640;
    const scale = cssWidth / A4.widthPt;
    const top = screenToPage({ x: 0, y: 0, width: 50 * scale, height: 20 * scale }, A4, cssWidth);
    expect(top.x).toBeCloseTo(0, 9);
    expect(top.y).toBeCloseTo(A4.heightPt - 20, 9);
    const cssHeight = A4.heightPt * scale;
    const bottom = screenToPage({ x: cssWidth - 50 * scale, y: cssHeight - 20 * scale, width: 50 * scale, height: 20 * scale }, A4, cssWidth);
    expect(bottom.x).toBeCloseTo(A4.widthPt - 50, 9);
    expect(bottom.y).toBeCloseTo(0, 9);
    expect(bottom.width).toBeCloseTo(50, 9);
    expect(bottom.height).toBeCloseTo(20, 9);
  });

  it('uses the rotated page’s swapped width and height (a portrait page with /Rotate 90 is seen landscape)', () => {
    const seen = { widthPt: A4.heightPt, heightPt: A4.widthPt }; // as inspect reports a /Rotate 90 A4 page
    const cssWidth = 640;
    const scale = cssWidth / seen.widthPt;
    const r = screenToPage({ x: 100, y: 100, width: 80, height: 40 }, seen, cssWidth);
    expect(r.x).toBeCloseTo(100 / scale, 9);
    expect(r.y).toBeCloseTo(A4.widthPt - 140 / scale, 9);
    // The bottom of the seen page (css height = widthPt × scale) maps to y = 0, not to the unrotated height.
    expect(screenToPage({ x: 0, y: seen.heightPt * scale - 10, width: 10, height: 10 }, seen, cssWidth).y).toBeCloseTo(0, 9);
  });

  it('handles a tiny page (a 72 × 36 pt label shown 640 px wide)', () => {
    const tiny = { widthPt: 72, heightPt: 36 };
    const r = screenToPage({ x: 320, y: 0, width: 320, height: 160 }, tiny, 640);
    expect(r).toEqual({ x: 36, y: 18, width: 36, height: 18 });
  });

  it('round-trips with pageToScreen', () => {
    const box = { x: 12.5, y: 300.25, width: 90, height: 33 };
    const rect = screenToPage(box, A4, 720);
    const back = pageToScreen(rect, A4, 720);
    expect(back.x).toBeCloseTo(box.x, 9);
    expect(back.y).toBeCloseTo(box.y, 9);
    expect(back.width).toBeCloseTo(box.width, 9);
    expect(back.height).toBeCloseTo(box.height, 9);
  });

  it('refuses a page or preview without size', () => {
    expect(() => screenToPage({ x: 0, y: 0, width: 1, height: 1 }, A4, 0)).toThrow(RangeError);
    expect(() => screenToPage({ x: 0, y: 0, width: 1, height: 1 }, { widthPt: 0, heightPt: 10 }, 100)).toThrow(RangeError);
  });
});
