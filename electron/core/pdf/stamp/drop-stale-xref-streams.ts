import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { PDFDict, PDFInvalidObject, PDFName, PDFRef as Ref, PDFStream } from '@cantoo/pdf-lib';

const XREF_TYPE = /\/Type\s*\/XRef\b/;

function isStaleXrefBlob(object: PDFInvalidObject): boolean {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return XREF_TYPE.test(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'));
}

/**
 * Removes the input's cross-reference streams (`/Type /XRef`) before a full rewrite, and the encryption
 * dictionary they point to. pdf-lib keeps them as ordinary objects and writes them out again: dead weight
 * in any output, and after decryption a trap. @cantoo/pdf-lib "decrypts" the XRef stream too (the spec
 * leaves it unencrypted), fails to parse the result and keeps its raw bytes, `/Encrypt` included; pdf-lib
 * reading the output back then takes the decrypted file for an encrypted one.
 * Not for incremental updates: those never rewrite unchanged objects.
 */
export function dropStaleXrefStreams(doc: PDFDocument): void {
  const { context } = doc;
  const doomed: PDFRef[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFInvalidObject) {
      if (isStaleXrefBlob(object)) doomed.push(ref);
      continue;
    }
    if (!(object instanceof PDFStream) || object.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) continue;
    doomed.push(ref);
    const encrypt = object.dict.get(PDFName.of('Encrypt'));
    if (encrypt instanceof Ref && context.lookup(encrypt) instanceof PDFDict) doomed.push(encrypt);
  }
  for (const ref of doomed) context.delete(ref);
}
