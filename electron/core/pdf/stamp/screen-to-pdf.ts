import { pt } from '../pdf-units';
import type { PageFrame, PdfRect } from './page-frame';
import type { ScreenRect, Viewport } from './screen-px';
import { px } from './screen-px';

/*
 * The one conversion between the three spaces of a page (see `PageFrame`):
 *
 *   screen (CSS px, y down, rotated page)  ⇄  view (pt, y up, rotated page, origin at the crop box's visible
 *   bottom-left corner)  ⇄  user (pt, y up, unrotated page, the PDF's own coordinates).
 *
 * screen ⇄ view is a scale and a y-flip; view ⇄ user is the rotation and the crop box offset. `/Rotate` turns
 * the page clockwise for display, so the visible bottom-left corner is the crop box's user-space
 * bottom-left (0°), bottom-right (90°), top-right (180°) or top-left (270°).
 */

/** A PDF matrix `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/**
 * The matrix from view space to user space. Used as the `cm` of everything stamped, so that content drawn
 * in view space comes out upright for the reader on a rotated page.
 */
export function viewMatrix(frame: PageFrame): Matrix {
  const { x, y, width, height } = frame.cropBox;
  switch (frame.rotate) {
    case 0:
      return [1, 0, 0, 1, x, y];
    case 90:
      return [0, 1, -1, 0, x + width, y];
    case 180:
      return [-1, 0, 0, -1, x + width, y + height];
    case 270:
      return [0, -1, 1, 0, x, y + height];
  }
}

function apply(m: Matrix, u: number, v: number): [number, number] {
  return [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
}

/** Maps both corners and returns the normalised rectangle: exact for the quarter turns used here. */
function mapRect(m: Matrix, r: PdfRect): PdfRect {
  const [x0, y0] = apply(m, r.x, r.y);
  const [x1, y1] = apply(m, r.x + r.width, r.y + r.height);
  return { x: pt(Math.min(x0, x1)), y: pt(Math.min(y0, y1)), width: pt(Math.abs(x1 - x0)), height: pt(Math.abs(y1 - y0)) };
}

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** View-space rectangle (as the user sees the page) → the same rectangle in the page's user space. */
export function viewToUser(frame: PageFrame, rect: PdfRect): PdfRect {
  return mapRect(viewMatrix(frame), rect);
}

/** User-space rectangle → view space. The inverse of `viewToUser`. */
export function userToView(frame: PageFrame, rect: PdfRect): PdfRect {
  return mapRect(invert(viewMatrix(frame)), rect);
}

function scales(frame: PageFrame, viewport: Viewport): { sx: number; sy: number } {
  const { widthPx, heightPx } = viewport;
  if (!(widthPx > 0 && heightPx > 0 && Number.isFinite(widthPx) && Number.isFinite(heightPx))) {
    throw new RangeError(`the viewport must have a positive size, got ${widthPx} × ${heightPx} px`);
  }
  return { sx: widthPx / frame.widthPt, sy: heightPx / frame.heightPt };
}

/**
 * A rectangle on the preview → view space. `viewport` is the size of the rendered page (the whole visible
 * crop box, already rotated as pdf.js renders it); x and y are scaled separately, so a preview squeezed to
 * another aspect ratio still maps its corners onto the page's corners. A rectangle dragged "backwards"
 * (negative width or height) is normalised.
 */
export function screenToView(frame: PageFrame, rect: ScreenRect, viewport: Viewport): PdfRect {
  const { sx, sy } = scales(frame, viewport);
  const left = Math.min(rect.xPx, rect.xPx + rect.wPx);
  const top = Math.min(rect.yPx, rect.yPx + rect.hPx);
  const w = Math.abs(rect.wPx);
  const h = Math.abs(rect.hPx);
  return { x: pt(left / sx), y: pt(frame.heightPt - (top + h) / sy), width: pt(w / sx), height: pt(h / sy) };
}

/** View space → a rectangle on the preview. The inverse of `screenToView`. */
export function viewToScreen(frame: PageFrame, rect: PdfRect, viewport: Viewport): ScreenRect {
  const { sx, sy } = scales(frame, viewport);
  return {
    xPx: px(rect.x * sx),
    yPx: px((frame.heightPt - rect.y - rect.height) * sy),
    wPx: px(rect.width * sx),
    hPx: px(rect.height * sy),
  };
}

/**
 * A rectangle on the preview → the page's unrotated user space (what a PDF content stream or annotation
 * uses). Handles the y-flip, `/Rotate` 90/180/270, a crop box away from the origin and pages of any size.
 */
export function screenToPdf(frame: PageFrame, rect: ScreenRect, viewport: Viewport): PdfRect {
  return viewToUser(frame, screenToView(frame, rect, viewport));
}

/** User space → a rectangle on the preview. The inverse of `screenToPdf`. */
export function pdfToScreen(frame: PageFrame, rect: PdfRect, viewport: Viewport): ScreenRect {
  return viewToScreen(frame, userToView(frame, rect), viewport);
}
