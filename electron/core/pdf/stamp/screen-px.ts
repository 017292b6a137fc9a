/**
 * Lengths on the screen preview in CSS pixels, measured from the top-left corner of the rendered page with
 * y pointing down (as pdf.js and the DOM measure). Branded so that they cannot be passed where `PdfPoint`s
 * are meant.
 */
export type ScreenPx = number & { readonly __unit: 'ScreenPx' };

export const px = (value: number): ScreenPx => value as ScreenPx;

/** A rectangle on the preview: top-left corner, width and height, all in CSS pixels. */
export interface ScreenRect {
  xPx: ScreenPx;
  yPx: ScreenPx;
  wPx: ScreenPx;
  hPx: ScreenPx;
}

/** The size of the rendered preview of one whole page (its visible crop box, already rotated). */
export interface Viewport {
  widthPx: ScreenPx;
  heightPx: ScreenPx;
}
