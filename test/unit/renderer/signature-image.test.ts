import { describe, expect, it } from 'vitest';
import {
  drawingProblem,
  imageFileProblem,
  luminance,
  opaqueBounds,
  recolour,
  removeWhiteBackground,
  SEAL_RED,
} from '../../../renderer/wizard/signature-image';

const line = (x0: number, x1: number, y = 50): Array<{ x: number; y: number }> =>
  Array.from({ length: 5 }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / 4, y }));

describe('drawing check (too small or too simple)', () => {
  it('accepts an empty pad (nothing to judge) and a real two-stroke signature', () => {
    expect(drawingProblem([], 420)).toBeNull();
    expect(drawingProblem([line(40, 200), line(220, 380)], 420)).toBeNull();
  });

  it('rejects a single stroke, however wide, in Chinese', () => {
    expect(drawingProblem([line(10, 400)], 420)).toMatch(/简单/);
  });

  it('rejects strokes spanning under 15 % of the pad width', () => {
    expect(drawingProblem([line(100, 130), line(110, 150)], 420)).toMatch(/太小/);
    // 63 px is exactly 15 % of 420: accepted.
    expect(drawingProblem([line(100, 130), line(110, 163)], 420)).toBeNull();
  });

  it('ignores empty strokes when counting', () => {
    expect(drawingProblem([line(10, 400), []], 420)).toMatch(/简单/);
  });
});

describe('background removal', () => {
  const px = (...rgba: number[]): Uint8ClampedArray => new Uint8ClampedArray(rgba);

  it('uses Rec. 601 luma', () => {
    expect(luminance(255, 255, 255)).toBeCloseTo(255);
    expect(luminance(0, 0, 0)).toBe(0);
    expect(luminance(255, 0, 0)).toBeCloseTo(76.245);
  });

  it('makes near-white transparent, keeps dark ink, and ramps the soft edge', () => {
    const data = px(255, 255, 255, 255, 250, 248, 240, 255, 20, 20, 40, 255, 200, 200, 200, 255, 120, 120, 120, 255);
    removeWhiteBackground(data, { threshold: 225, soft: 45 });
    expect(data[3]).toBe(0);
    expect(data[7]).toBe(0);
    expect(data[11]).toBe(255);
    // lum 200 is 25 below the threshold within a 45-wide edge: 25/45 of full opacity.
    expect(data[15]).toBe(Math.round((255 * 25) / 45));
    expect(data[19]).toBe(255);
    // Colours are untouched.
    expect([data[8], data[9], data[10]]).toEqual([20, 20, 40]);
  });

  it('never raises the opacity of an already transparent pixel', () => {
    const data = px(0, 0, 0, 0, 200, 200, 200, 100);
    removeWhiteBackground(data, { threshold: 225, soft: 45 });
    expect(data[3]).toBe(0);
    expect(data[7]).toBeLessThan(100);
  });

  it('recolours a seal red, keeping opacity', () => {
    const data = px(30, 30, 30, 255, 90, 10, 10, 128);
    recolour(data);
    expect(Array.from(data)).toEqual([...SEAL_RED, 255, ...SEAL_RED, 128]);
  });

  it('finds the opaque box to trim to', () => {
    const w = 4;
    const h = 3;
    const data = new Uint8ClampedArray(w * h * 4);
    data[(1 * w + 1) * 4 + 3] = 255;
    data[(2 * w + 2) * 4 + 3] = 10;
    expect(opaqueBounds(data, w, h)).toEqual({ x: 1, y: 1, width: 2, height: 2 });
    expect(opaqueBounds(new Uint8ClampedArray(w * h * 4), w, h)).toBeNull();
  });
});

describe('uploaded image files', () => {
  it('accepts PNG and JPEG up to 2 MB', () => {
    expect(imageFileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(imageFileProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 })).toBeNull();
  });

  it('rejects other types, larger files and empty files in Chinese', () => {
    expect(imageFileProblem({ type: 'image/gif', size: 10 })).toMatch(/PNG 或 JPEG/);
    expect(imageFileProblem({ type: 'image/png', size: 2 * 1024 * 1024 + 1 })).toMatch(/2 MB/);
    expect(imageFileProblem({ type: 'image/png', size: 0 })).toMatch(/空/);
  });
});
