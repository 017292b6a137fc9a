import type { PDFDocument } from '@cantoo/pdf-lib';
import { PDFAcroSignature, PDFDict, PDFName } from '@cantoo/pdf-lib';

/** A `/ByteRange` anywhere in the file: the mark of a signature dictionary (also in older revisions). */
export function mentionsByteRange(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/ByteRange');
}

/**
 * True if the PDF carries a digital signature: a signature field with a value (`/FT /Sig` and `/V`), or a
 * `/ByteRange` in the raw bytes (a signature dictionary, possibly outside the form). An empty signature field,
 * waiting to be signed, is not a signature: stamping does not break anything there.
 */
export function hasDigitalSignature(doc: PDFDocument, bytes: Uint8Array): boolean {
  if (mentionsByteRange(bytes)) return true;
  try {
    const acroForm = doc.catalog.getAcroForm();
    if (!acroForm) return false;
    return acroForm.getAllFields().some(([field]) => field instanceof PDFAcroSignature && doc.context.lookup(field.dict.get(PDFName.of('V'))) instanceof PDFDict);
  } catch {
    // Why: a malformed field tree is not evidence of a signature; the raw /ByteRange scan already ran.
    return false;
  }
}
