import { t } from '../i18n/t';

/** Largest signature or seal image the core accepts (`MAX_IMAGE_BYTES` in electron/shared/api.ts, kept out of the bundle with zod). */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** A drawn point in CSS pixels of the pad. */
export interface PadPoint {
  x: number;
  y: number;
}

/** Fewest strokes a handwritten signature needs, and the narrowest it may be (share of the pad's width). */
export const MIN_STROKES = 2;
export const MIN_WIDTH_SHARE = 0.15;

/** Why a drawing is too small or too simple to be a signature, or null when it will do. */
export function drawingProblem(strokes: ReadonlyArray<ReadonlyArray<PadPoint>>, padWidth: number): string | null {
  const drawn = strokes.filter((s) => s.length > 0);
  if (drawn.length === 0) return null;
  if (drawn.length < MIN_STROKES) return t.sign.drawingTooSimple;
  let min = Infinity;
  let max = -Infinity;
  for (const stroke of drawn)
    for (const p of stroke) {
      min = Math.min(min, p.x);
      max = Math.max(max, p.x);
    }
  if (max - min < padWidth * MIN_WIDTH_SHARE) return t.sign.drawingTooSmall;
  return null;
}

/** Rec. 601 luma of an sRGB colour, 0–255. */
export function luminance(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

export interface BackgroundOptions {
  /** Luminance at and above which a pixel becomes fully transparent. */
  threshold: number;
  /** Width of the soft edge below the threshold, where opacity ramps from full to none. */
  soft: number;
}

export const DEFAULT_BACKGROUND: BackgroundOptions = { threshold: 225, soft: 45 };

/**
 * Makes near-white pixels of RGBA data transparent, in place: at or above `threshold` fully, within `soft`
 * below it partly (a soft edge, so anti-aliased strokes keep smooth borders). Returns the same array.
 */
export function removeWhiteBackground(data: Uint8ClampedArray, options: BackgroundOptions = DEFAULT_BACKGROUND): Uint8ClampedArray {
  const { threshold, soft } = options;
  for (let i = 0; i < data.length; i += 4) {
    const lum = luminance(data[i] as number, data[i + 1] as number, data[i + 2] as number);
    if (lum >= threshold) data[i + 3] = 0;
    else if (soft > 0 && lum > threshold - soft) data[i + 3] = Math.round((data[i + 3] as number) * ((threshold - lum) / soft));
  }
  return data;
}

/** Seal red (#d0021b). */
export const SEAL_RED: readonly [number, number, number] = [0xd0, 0x02, 0x1b];

/** Recolours every pixel of RGBA data to `colour`, keeping its opacity (run after removing the background). */
export function recolour(data: Uint8ClampedArray, colour: readonly [number, number, number] = SEAL_RED): Uint8ClampedArray {
  for (let i = 0; i < data.length; i += 4) {
    data[i] = colour[0];
    data[i + 1] = colour[1];
    data[i + 2] = colour[2];
  }
  return data;
}

/** The smallest box holding every pixel with some opacity, or null for an empty image. */
export function opaqueBounds(data: Uint8ClampedArray, width: number, height: number): { x: number; y: number; width: number; height: number } | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] as number) === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg'];

/** Why an uploaded file cannot be a signature or seal image (type, size), or null. */
export function imageFileProblem(file: { type: string; size: number }): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return t.sign.imageType;
  if (file.size > MAX_IMAGE_BYTES) return t.sign.imageTooLarge;
  if (file.size === 0) return t.sign.imageEmpty;
  return null;
}
