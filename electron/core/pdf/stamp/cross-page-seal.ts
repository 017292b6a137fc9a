import { mm, pt } from '../pdf-units';
import type { PdfRect } from './page-frame';

/** One page's share of a cross-page seal, in that page's view space. */
export interface SealStrip {
  /** Counted from 0. */
  pageIndex: number;
  /** The visible strip at the page's right edge. */
  clip: PdfRect;
  /** Where the whole seal image is drawn (mostly off the clip), so that the clip shows this page's slice. */
  image: PdfRect;
}

/** A slice narrower than this would be a hairline; longer documents get one seal per group of pages. */
export const MIN_STRIP = mm(5);

/**
 * 骑缝章: cuts the seal into vertical strips, one per page, each at the right edge of its page and centred
 * vertically, so that the pages fanned out to the left (page 1 on top) show the whole seal. Page k of a group
 * of s pages shows the k-th slice from the left. The seal is at most 40 mm and a quarter of the smallest page's
 * shorter side; when a slice would be narrower than 5 mm the pages are split into balanced groups, each with
 * its own seal, as is done by hand for thick documents. Fewer than two pages: no strips.
 */
export function crossPageSealStrips(pages: ReadonlyArray<{ widthPt: number; heightPt: number }>, sealAspect: number): SealStrip[] {
  const n = pages.length;
  if (n < 2) return [];
  const short = Math.min(...pages.map((p) => Math.min(p.widthPt, p.heightPt)));
  const side = Math.min(mm(40), short / 4);
  const width = sealAspect >= 1 ? side : side * sealAspect;
  const height = width / sealAspect;
  const perSeal = Math.max(2, Math.floor(width / MIN_STRIP));
  let groups = Math.ceil(n / perSeal);
  // Why: a group of one page would show the whole seal at one edge; merge it (slices then run a little thinner).
  if (Math.floor(n / groups) < 2) groups -= 1;
  const strips: SealStrip[] = [];
  let pageIndex = 0;
  for (let g = 0; g < groups; g++) {
    // Balanced: sizes differ by at most one page.
    const size = Math.floor(n / groups) + (g < n % groups ? 1 : 0);
    const stripWidth = width / size;
    for (let k = 0; k < size; k++, pageIndex++) {
      const page = pages[pageIndex] as { widthPt: number; heightPt: number };
      const y = page.heightPt / 2 - height / 2;
      strips.push({
        pageIndex,
        clip: { x: pt(page.widthPt - stripWidth), y: pt(y), width: pt(stripWidth), height: pt(height) },
        image: { x: pt(page.widthPt - (k + 1) * stripWidth), y: pt(y), width: pt(width), height: pt(height) },
      });
    }
  }
  return strips;
}
