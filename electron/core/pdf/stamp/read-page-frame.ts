import type { PDFContext, PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { PDFArray, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import type { PageFrame } from './page-frame';
import { makePageFrame } from './page-frame';

function numbers(context: PDFContext, raw: PDFObject | undefined): number[] | undefined {
  const array = raw === undefined ? undefined : context.lookup(raw);
  if (!(array instanceof PDFArray)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < array.size(); i++) {
    const n = context.lookup(array.get(i));
    if (!(n instanceof PDFNumber)) return undefined;
    out.push(n.asNumber());
  }
  return out;
}

/**
 * The frame of a page as viewers show it. Reads `/MediaBox`, `/CropBox` and `/Rotate` itself (inherited from
 * the page tree where needed) instead of through pdf-lib's getters, which throw on a missing media box or a
 * box holding references or junk; `makePageFrame` then applies the viewers' fallbacks.
 */
export function readPageFrame(page: PDFPage): PageFrame {
  const { node, doc } = page;
  const context = doc.context;
  const rotate = context.lookup(node.getInheritableAttribute(PDFName.of('Rotate')));
  return makePageFrame({
    mediaBox: numbers(context, node.getInheritableAttribute(PDFName.of('MediaBox'))),
    cropBox: numbers(context, node.getInheritableAttribute(PDFName.of('CropBox'))),
    rotate: rotate instanceof PDFNumber ? rotate.asNumber() : undefined,
  });
}
