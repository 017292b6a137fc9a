/**
 * Lengths on a PDF page in points (1/72 inch), measured from the page's bottom-left corner with y pointing up.
 * Branded so that screen pixels or millimetres cannot be passed where points are meant.
 */
export type PdfPoint = number & { readonly __unit: 'PdfPoint' };

export const pt = (value: number): PdfPoint => value as PdfPoint;

/** Millimetres to points: 1 mm = 72 / 25.4 pt. */
export const mm = (value: number): PdfPoint => ((value * 72) / 25.4) as PdfPoint;

/** ISO 216 A4, portrait: 210 × 297 mm. */
export const A4 = { width: mm(210), height: mm(297) } as const;
