/** Stroke widths of signature_pad, in CSS pixels: the thinnest (fast strokes) and the thickest (slow ones). */
export interface StrokeWidths {
  minWidth: number;
  maxWidth: number;
}

/** Width factor at no pressure and at full pressure: a light pen line is about a third of a firm one. */
export const LIGHTEST = 0.4;
export const FIRMEST = 1.6;

/**
 * The widths for a point drawn with `pointerType` at `pressure` (0…1, as PointerEvent reports it).
 * signature_pad 5 records pressure but sizes strokes by speed only, so for a pen the speed-based widths are
 * scaled by pressure: LIGHTEST at 0 up to FIRMEST at 1 (0.5, a pen's "normal" pressure, gives exactly `base`).
 * A mouse (always 0.5 while pressed), touch (force is 0 or unreliable on most screens) and a pen that reports
 * no pressure (0) keep `base` unchanged.
 */
export function pressureWidths(base: StrokeWidths, pointerType: string, pressure: number): StrokeWidths {
  if (pointerType !== 'pen' || !(pressure > 0)) return base;
  const p = Math.min(1, pressure);
  const factor = p <= 0.5 ? LIGHTEST + (1 - LIGHTEST) * (p / 0.5) : 1 + (FIRMEST - 1) * ((p - 0.5) / 0.5);
  return { minWidth: base.minWidth * factor, maxWidth: base.maxWidth * factor };
}
