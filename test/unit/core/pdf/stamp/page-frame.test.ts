import { describe, expect, it } from 'vitest';
import { makePageFrame, normaliseRotation } from '../../../../../electron/core/pdf/stamp/page-frame';

describe('makePageFrame', () => {
  it('normalises /Rotate like pdf.js: multiples of 90 modulo 360, anything else 0', () => {
    expect([0, 90, 180, 270, 360, 450, -90, -180, -270, 45, 91, Number.NaN, undefined].map(normaliseRotation)).toEqual([0, 90, 180, 270, 0, 90, 270, 180, 90, 0, 0, 0, 0]);
  });

  it('swaps the visible width and height for quarter turns', () => {
    const frame = makePageFrame({ mediaBox: [0, 0, 595, 842], rotate: 90 });
    expect([frame.widthPt, frame.heightPt]).toEqual([842, 595]);
    expect(makePageFrame({ mediaBox: [0, 0, 595, 842], rotate: 180 }).widthPt).toBe(595);
  });

  it('clips the crop box to the media box, as viewers do', () => {
    const frame = makePageFrame({ mediaBox: [0, 0, 600, 800], cropBox: [-50, 100, 700, 900] });
    expect(frame.cropBox).toEqual({ x: 0, y: 100, width: 600, height: 700 });
  });

  it('falls back to the media box for a missing, empty, malformed or disjoint crop box', () => {
    for (const cropBox of [undefined, [10, 10, 10, 50], [1, 2, 3], [0, 0, Number.POSITIVE_INFINITY, 5], [700, 900, 800, 1000]]) {
      expect(makePageFrame({ mediaBox: [0, 0, 600, 800], ...(cropBox ? { cropBox } : {}) }).cropBox).toEqual({ x: 0, y: 0, width: 600, height: 800 });
    }
  });

  it('accepts boxes given by any two opposite corners', () => {
    expect(makePageFrame({ mediaBox: [600, 800, 0, 0], cropBox: [500, 100, 100, 700] }).cropBox).toEqual({ x: 100, y: 100, width: 400, height: 600 });
  });

  it('assumes US Letter without a usable media box', () => {
    expect(makePageFrame({}).mediaBox).toEqual({ x: 0, y: 0, width: 612, height: 792 });
    expect(makePageFrame({ mediaBox: [0, 0, 0, 0] }).mediaBox).toEqual({ x: 0, y: 0, width: 612, height: 792 });
  });
});
