import { mm, pt } from '../pdf-units';
import type { PdfRect } from './page-frame';
import type { StampWhat } from './stamp-options';

/** What the default layout needs to know about the stamps. Aspect ratios are width / height, > 0. */
export interface StampShapes {
  signatureAspect: number;
  sealAspect?: number;
  /** Width of the date text at 1 pt; absent when no date is stamped. */
  dateWidthPerPt?: number;
}

/** Height of a text line relative to its font size: room for ascenders and descenders of CJK faces. */
export const LINE = 1.25;

/**
 * The bottom-right block used when no placement is given, in view space of a page of `widthPt × heightPt`:
 * the signature right-aligned above the date, and the seal over the date, as 公章 are placed (骑年盖月).
 * Sizes shrink with small pages so that everything stays on the page: the margin is 6% of the shorter side
 * (at most 42 pt), the signature at most 150 pt and 30% of the page wide and at most 12% of the page high (or, on
 * short pages, the height left above the date, up to 60 pt), the date at most 12 pt and an eighth of the
 * height, the seal at most 40 mm and a quarter of the shorter side.
 */
export function defaultPlacements(page: { widthPt: number; heightPt: number }, shapes: StampShapes): Array<{ what: StampWhat; rect: PdfRect }> {
  const W = page.widthPt;
  const H = page.heightPt;
  const short = Math.min(W, H);
  const margin = Math.min(42, short * 0.06);
  const out: Array<{ what: StampWhat; rect: PdfRect }> = [];

  let dateRect: PdfRect | undefined;
  if (shapes.dateWidthPerPt !== undefined) {
    const size = Math.min(12, H / 8, (W - 2 * margin) / shapes.dateWidthPerPt);
    const width = size * shapes.dateWidthPerPt;
    dateRect = { x: pt(W - margin - width), y: pt(margin), width: pt(width), height: pt(size * LINE) };
  }
  const sigY = dateRect ? dateRect.y + dateRect.height * 1.4 : margin;

  // Why the second term: on a short page (a 50 pt banner, a receipt) 12% of the height is a smudge; let the
  // signature use the height left above the date, up to 60 pt.
  const maxHeight = Math.max(H * 0.12, Math.min(60, H - sigY - margin));
  let sigWidth = Math.min(150, W * 0.3);
  let sigHeight = sigWidth / shapes.signatureAspect;
  if (sigHeight > maxHeight) {
    sigHeight = maxHeight;
    sigWidth = sigHeight * shapes.signatureAspect;
  }
  const signature = { x: pt(W - margin - sigWidth), y: pt(sigY), width: pt(sigWidth), height: pt(sigHeight) };
  out.push({ what: 'signature', rect: signature });
  if (dateRect) out.push({ what: 'date', rect: dateRect });

  if (shapes.sealAspect !== undefined) {
    const side = Math.min(mm(40), short / 4);
    const width = shapes.sealAspect >= 1 ? side : side * shapes.sealAspect;
    const height = width / shapes.sealAspect;
    const anchor = dateRect ?? signature;
    const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
    // Kept half a margin inside the page when it fits: a seal touching the paper's edge looks misplaced.
    const inset = Math.min(margin / 2, (W - width) / 2, (H - height) / 2);
    const cx = clamp(anchor.x + anchor.width / 2, width / 2 + inset, W - width / 2 - inset);
    const cy = clamp(anchor.y + anchor.height / 2, height / 2 + inset, H - height / 2 - inset);
    out.push({ what: 'seal', rect: { x: pt(cx - width / 2), y: pt(cy - height / 2), width: pt(width), height: pt(height) } });
  }
  return out;
}
