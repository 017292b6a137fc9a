import type { PDFPage } from '@cantoo/pdf-lib';
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDocument, PDFRawStream } from '@cantoo/pdf-lib';
import { STAMP_TAG } from './draw-in-view';
import { StampError } from './stamp-errors';

const MARKER = Buffer.from(`/${STAMP_TAG} BMC`, 'latin1');

function carriesStamp(page: PDFPage): boolean {
  const { context } = page.doc;
  const contents = context.lookup(page.node.Contents());
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => context.lookup(r)) : [contents];
  // Why from the end: the stamp is appended after the page's own content.
  for (const stream of streams.reverse()) {
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      if (Buffer.from(decodePDFRawStream(stream).decode()).includes(MARKER)) return true;
    } catch {
      // A stream of the original page with a filter pdf-lib cannot decode: not ours.
    }
  }
  return false;
}

/**
 * Re-reads the saved output and checks that it is what we promise: not encrypted, the same number of pages,
 * and the stamp's content present on every page that was stamped. Guards against the failure the issue names
 * (an output that silently lacks the stamp), whatever the cause: a parser that "repaired" a page tree into
 * something else, encryption that survived, a page object that is not the one viewers show.
 *
 * @param pageIndexes pages that must carry the stamp, counted from 0.
 * @throws StampError PDF_DAMAGED if any check fails.
 */
export async function verifyStamped(bytes: Uint8Array, pageCount: number, pageIndexes: readonly number[]): Promise<void> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    throw new StampError('PDF_DAMAGED', `the stamped file cannot be read back (${error instanceof Error ? error.message : String(error)})`);
  }
  if (doc.isEncrypted) throw new StampError('PDF_DAMAGED', 'the stamped file is still encrypted, so the stamp would not show');
  if (doc.getPageCount() !== pageCount) {
    throw new StampError('PDF_DAMAGED', `the stamped file has ${doc.getPageCount()} pages instead of ${pageCount}: the page tree is damaged`);
  }
  const pages = doc.getPages();
  const missing = pageIndexes.filter((i) => !carriesStamp(pages[i] as PDFPage));
  if (missing.length > 0) {
    throw new StampError('PDF_DAMAGED', `the stamp did not reach page ${missing.map((i) => i + 1).join(', ')} of the saved file: the PDF is damaged`);
  }
}
