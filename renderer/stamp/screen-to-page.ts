import type { PageRect } from '../../electron/shared/dto';

/** A length in PDF points (1/72 in). Branded so that a CSS pixel length cannot be passed where points are meant. */
export type PdfPoint = number & { readonly __unit: 'PdfPoint' };

/** A box on the page preview in CSS pixels: top-left corner, y pointing down, as the DOM measures it. */
export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A placement rectangle in PDF points from the bottom-left of the crop box as the user sees the page (y up). */
export interface PdfRect extends PageRect {
  x: PdfPoint;
  y: PdfPoint;
  width: PdfPoint;
  height: PdfPoint;
}

/** The page as the user sees it (`PdfInspectionDto.pages[i]`: rotation already applied). */
export interface SeenPage {
  widthPt: number;
  heightPt: number;
}

/**
 * The one conversion from the preview to the host's placement space. pdf.js renders the page's crop box with
 * /Rotate applied, so the canvas already shows the view space the host expects: only the scale and the y-flip
 * remain. `scale = canvasCssWidth / widthPt`; `x_pt = x_px / scale`; `y_pt = heightPt − (y_px + h_px) / scale`.
 */
export function screenToPage(box: ScreenBox, page: SeenPage, canvasCssWidth: number): PdfRect {
  if (!(canvasCssWidth > 0) || !(page.widthPt > 0) || !(page.heightPt > 0)) throw new RangeError('the page and its preview need a positive size');
  const scale = canvasCssWidth / page.widthPt;
  return {
    x: (box.x / scale) as PdfPoint,
    y: (page.heightPt - (box.y + box.height) / scale) as PdfPoint,
    width: (box.width / scale) as PdfPoint,
    height: (box.height / scale) as PdfPoint,
  };
}

/** The inverse of `screenToPage`: where a rectangle the host placed lies on the preview, in CSS pixels. */
export function pageToScreen(rect: PageRect, page: SeenPage, canvasCssWidth: number): ScreenBox {
  const scale = canvasCssWidth / page.widthPt;
  return { x: rect.x * scale, y: (page.heightPt - rect.y - rect.height) * scale, width: rect.width * scale, height: rect.height * scale };
}
