import type { PDFFont, PDFImage, PDFPage } from '@cantoo/pdf-lib';
import {
  beginMarkedContent,
  BlendMode,
  clip,
  concatTransformationMatrix,
  endMarkedContent,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from '@cantoo/pdf-lib';
import { CoreError } from '../../errors';
import type { PageFrame, PdfRect } from './page-frame';
import { viewMatrix } from './screen-to-pdf';

/** Marked-content tag around everything stamped on a page; `verifyStamped` looks for it in the output. */
export const STAMP_TAG = 'PledgeDeskStamp';

/** One thing to draw, in view space. Images are fitted (aspect kept, centred); `clip` limits what shows. */
export type DrawOp =
  | { kind: 'image'; image: PDFImage; rect: PdfRect; clip?: PdfRect; fit?: 'contain' | 'fill' }
  | { kind: 'text'; text: string; font: PDFFont; rect: PdfRect };

function drawImage(page: PDFPage, op: Extract<DrawOp, { kind: 'image' }>): void {
  const { image, rect } = op;
  let { x, y, width, height } = rect;
  if (op.fit !== 'fill') {
    const scale = Math.min(rect.width / image.width, rect.height / image.height);
    width = (image.width * scale) as typeof width;
    height = (image.height * scale) as typeof height;
    x = (rect.x + (rect.width - width) / 2) as typeof x;
    y = (rect.y + (rect.height - height) / 2) as typeof y;
  }
  if (op.clip) page.pushOperators(pushGraphicsState(), rectangle(op.clip.x, op.clip.y, op.clip.width, op.clip.height), clip(), endPath());
  // Why Multiply: a JPEG's white paper, or a scan's, then lets the text underneath show through, as ink would.
  page.drawImage(image, { x, y, width, height, blendMode: BlendMode.Multiply });
  if (op.clip) page.pushOperators(popGraphicsState());
}

function drawText(page: PDFPage, op: Extract<DrawOp, { kind: 'text' }>): void {
  const { font, text, rect } = op;
  const perPt = font.widthOfTextAtSize(text, 1);
  const full = font.heightAtSize(1);
  const ascent = font.heightAtSize(1, { descender: false });
  const size = Math.min(rect.height / full, perPt > 0 ? rect.width / perPt : Infinity);
  // Never skip silently: a stamp that is not drawn must be an error (placements are validated to be > 0).
  if (!(size > 0 && Number.isFinite(size))) throw new CoreError('VALIDATION', `no room to write ${JSON.stringify(text)} in a ${rect.width} × ${rect.height} pt box`);
  const baseline = rect.y + (rect.height - full * size) / 2 + (full - ascent) * size;
  page.drawText(text, { x: rect.x, y: baseline, size, font, color: rgb(0, 0, 0) });
}

/**
 * Draws `ops` on `page` in its view space: one `cm` maps view space to user space (`viewMatrix`), so the
 * stamp comes out upright for the reader whatever `/Rotate` and wherever the crop box is. Everything sits in
 * `q … Q` inside a `/PledgeDeskStamp BMC … EMC` block appended after the page's content, which pdf-lib wraps
 * in its own `q … Q` first so a page that leaves its graphics state changed cannot shift the stamp.
 */
export function drawInView(page: PDFPage, frame: PageFrame, ops: readonly DrawOp[]): void {
  page.pushOperators(beginMarkedContent(STAMP_TAG), pushGraphicsState(), concatTransformationMatrix(...viewMatrix(frame)));
  for (const op of ops) {
    if (op.kind === 'image') drawImage(page, op);
    else drawText(page, op);
  }
  page.pushOperators(popGraphicsState(), endMarkedContent());
}
