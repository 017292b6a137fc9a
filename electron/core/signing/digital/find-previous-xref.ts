import { DigitalSignatureError } from './digital-errors';

/** Where a PDF's newest cross-reference section is, which an incremental update must chain to. */
export interface PreviousXref {
  /** Byte offset of the section (the number after the last `startxref`). */
  offset: number;
  /** A classic `xref` table or a cross-reference stream (PDF 1.5). The update uses the same kind. */
  kind: 'table' | 'stream';
  /** The /Size of that section: one more than the highest object number in use. */
  size: number;
}

const latin1 = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/**
 * Finds the last `startxref` and checks that it points at a cross-reference section. Why check: pdf-lib
 * loads a PDF by scanning its objects and never reads the xref, so a damaged xref would go unnoticed
 * there, while readers of the signed file follow /Prev into it.
 *
 * @throws DigitalSignatureError `PDF_UNSIGNABLE` when there is no usable cross-reference section.
 */
export function findPreviousXref(pdf: Uint8Array): PreviousXref {
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = latin1(pdf, tailStart, pdf.length);
  const at = tail.lastIndexOf('startxref');
  const m = at < 0 ? null : /^startxref\s+(\d+)/.exec(tail.slice(at));
  const offset = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= pdf.length) {
    throw new DigitalSignatureError('PDF_UNSIGNABLE', 'the PDF has no startxref pointing into the file (damaged?)');
  }
  const section = latin1(pdf, offset, tailStart + at);
  const head = section.trimStart();
  let kind: PreviousXref['kind'];
  let dict: string;
  if (head.startsWith('xref')) {
    kind = 'table';
    const trailer = head.indexOf('trailer');
    dict = trailer < 0 ? '' : head.slice(trailer);
  } else if (/^\d+\s+\d+\s+obj\s*<</.test(head) && /\/Type\s*\/XRef\b/.test(head.slice(0, 4096))) {
    kind = 'stream';
    dict = head.slice(0, head.indexOf('stream') < 0 ? 4096 : head.indexOf('stream'));
  } else {
    throw new DigitalSignatureError('PDF_UNSIGNABLE', `startxref ${offset} does not point at a cross-reference section (damaged?)`);
  }
  const size = /\/Size\s+(\d+)/.exec(dict);
  if (!size) throw new DigitalSignatureError('PDF_UNSIGNABLE', 'the newest cross-reference section has no /Size');
  if (/\/Encrypt\b/.test(dict)) throw new DigitalSignatureError('PDF_UNSIGNABLE', 'the PDF is encrypted; it cannot be signed as it is');
  return { offset, kind, size: Number(size[1]) };
}
