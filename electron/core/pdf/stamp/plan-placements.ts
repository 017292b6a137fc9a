import type { PDFFont, PDFImage } from '@cantoo/pdf-lib';
import { CoreError } from '../../errors';
import { defaultPlacements } from './default-placements';
import type { DrawOp } from './draw-in-view';
import type { PageFrame, PdfRect } from './page-frame';
import { pt } from '../pdf-units';
import type { PageSelector, StampOptions, StampResult, StampWarning, StampWhat } from './stamp-options';

/** What the stamps are made of, embedded in the document being stamped. */
export interface StampAssets {
  signature: PDFImage;
  seal?: PDFImage;
  /** Present when a date is stamped (or a form filled with non-Latin text). */
  font?: PDFFont;
  /** The date as written, e.g. 2026年11月28日. */
  dateText?: string;
}

/** Drawing operations per page index (from 0), and the record of what went where. */
export interface StampPlan {
  ops: Map<number, DrawOp[]>;
  placed: StampResult['placed'];
  add: (index: number, op: DrawOp, what: StampWhat) => void;
}

const partlyOutside = (): StampWarning => ({ code: 'partly-outside-page', message: 'a stamp reaches beyond the visible page; the part outside is cut off' });

/** Wholly outside the visible page (view space). */
function outside(r: PdfRect, frame: PageFrame): boolean {
  return r.x >= frame.widthPt || r.y >= frame.heightPt || r.x + r.width <= 0 || r.y + r.height <= 0;
}

/** Reaching beyond the visible page somewhere. */
function beyond(r: PdfRect, frame: PageFrame): boolean {
  return r.x < 0 || r.y < 0 || r.x + r.width > frame.widthPt || r.y + r.height > frame.heightPt;
}

/** Page indexes (from 0) for a selector; a page number beyond the document is a validation error. */
function pageIndexes(page: PageSelector, pageCount: number, field: string): number[] {
  if (page === 'all') return [...Array(pageCount).keys()];
  if (page === 'last') return [pageCount - 1];
  if (page > pageCount) throw new CoreError('VALIDATION', `page ${page} does not exist: the PDF has ${pageCount} pages`, field);
  return [page - 1];
}

function opFor(what: StampWhat, rect: PdfRect, assets: StampAssets): DrawOp {
  if (what === 'date') return { kind: 'text', text: assets.dateText as string, font: assets.font as PDFFont, rect };
  return { kind: 'image', image: (what === 'seal' ? assets.seal : assets.signature) as PDFImage, rect };
}

/**
 * Resolves placements to drawing operations: `'last'` and `'all'` to page indexes, each rectangle checked
 * against its page as the user sees it. No placements: `options.block`, the standard block
 * (`defaultPlacements`) on the last page or the pages given, moved to `block.at` if given. Options already
 * checked by `validateStampOptions` are assumed.
 *
 * @throws CoreError VALIDATION for a page beyond the document or stamps wholly outside their page.
 */
export function planPlacements(
  options: Pick<StampOptions, 'placements' | 'block'>,
  frames: (index: number) => PageFrame,
  pageCount: number,
  assets: StampAssets,
  warnings: StampWarning[],
): StampPlan {
  const ops = new Map<number, DrawOp[]>();
  const placed: StampResult['placed'] = [];
  const add = (index: number, op: DrawOp, what: StampWhat): void => {
    const list = ops.get(index) ?? [];
    list.push(op);
    ops.set(index, list);
    placed.push({ page: index + 1, what, rect: op.kind === 'image' && op.clip ? op.clip : op.rect });
  };
  const plan: StampPlan = { ops, placed, add };
  const placements = options.placements ?? [];
  if (placements.length === 0) {
    const block = options.block ?? { page: 'last' };
    const shapes = {
      signatureAspect: assets.signature.width / assets.signature.height,
      ...(assets.seal ? { sealAspect: assets.seal.width / assets.seal.height } : {}),
      ...(assets.dateText !== undefined && assets.font ? { dateWidthPerPt: assets.font.widthOfTextAtSize(assets.dateText, 1) } : {}),
    };
    let partly = false;
    for (const index of pageIndexes(block.page, pageCount, 'block.page')) {
      const frame = frames(index);
      let rects = defaultPlacements(frame, shapes);
      if (block.at) {
        // Move the whole block so that its bounding box starts at `at`.
        const dx = block.at.x - Math.min(...rects.map((r) => r.rect.x));
        const dy = block.at.y - Math.min(...rects.map((r) => r.rect.y));
        rects = rects.map(({ what, rect }) => ({ what, rect: { ...rect, x: pt(rect.x + dx), y: pt(rect.y + dy) } }));
        // Any stamp wholly off the page would be missing from the output: refuse rather than lose it.
        if (rects.some(({ rect }) => outside(rect, frame))) {
          throw new CoreError('VALIDATION', `the stamps at (${block.at.x}, ${block.at.y}) reach off page ${index + 1} (${frame.widthPt.toFixed(0)} × ${frame.heightPt.toFixed(0)} pt)`, 'block.at');
        }
        partly ||= rects.some(({ rect }) => beyond(rect, frame));
      }
      for (const { what, rect } of rects) add(index, opFor(what, rect, assets), what);
    }
    if (partly) warnings.push(partlyOutside());
    return plan;
  }
  let partly = false;
  placements.forEach((p, i) => {
    for (const index of pageIndexes(p.page, pageCount, `placements[${i}].page`)) {
      const frame = frames(index);
      if (outside(p.rect, frame)) {
        throw new CoreError('VALIDATION', `the ${p.what} lies outside page ${index + 1} (${frame.widthPt.toFixed(0)} × ${frame.heightPt.toFixed(0)} pt)`, `placements[${i}].rect`);
      }
      partly ||= beyond(p.rect, frame);
      add(index, opFor(p.what, p.rect, assets), p.what);
    }
  });
  if (partly) warnings.push(partlyOutside());
  return plan;
}
