import type { PDFObject } from '@cantoo/pdf-lib';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFRef, PDFStream, PDFString } from '@cantoo/pdf-lib';

/** Object numbers written as top-level `N G obj` in the file (not inside object streams). */
function topLevelObjectNumbers(bytes: Uint8Array): Set<number> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const numbers = new Set<number>();
  for (const match of text.matchAll(/(?<![\d.])(\d{1,10})\s+\d{1,5}\s+obj\b/g)) numbers.add(Number(match[1]));
  return numbers;
}

function toHex(raw: string): PDFHexString {
  let hex = '';
  for (let i = 0; i < raw.length; i++) hex += (raw.charCodeAt(i) & 0xff).toString(16).padStart(2, '0');
  return PDFHexString.of(hex);
}

function walk(object: PDFObject): PDFObject | undefined {
  if (object instanceof PDFString) return toHex(object.asString());
  if (object instanceof PDFStream) walk(object.dict);
  else if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const replaced = walk(value);
      if (replaced) object.set(key, replaced);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const replaced = walk(object.get(i));
      if (replaced) object.set(i, replaced);
    }
  }
  return undefined;
}

/**
 * Why: when the cross-reference stream is read through the decryption (which the spec exempts it from), the
 * parser sees garbage and the trailer keeps only /Root: /Info (title, author) and /ID are lost. A second,
 * plain parse reads them; object numbers are the same in both.
 */
async function restoreTrailer(doc: PDFDocument, bytes: Uint8Array): Promise<void> {
  const { context } = doc;
  const { trailerInfo } = context;
  if (trailerInfo.Info && trailerInfo.ID) return;
  const plain = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { Info, ID } = plain.context.trailerInfo;
  if (!trailerInfo.Info && Info instanceof PDFRef && context.lookup(Info) instanceof PDFDict) trailerInfo.Info = Info;
  const ids = plain.context.lookup(ID);
  if (!trailerInfo.ID && ids instanceof PDFArray) {
    trailerInfo.ID = context.obj(ids.asArray().map((id) => (id instanceof PDFHexString ? PDFHexString.of(id.asString()) : id)));
  }
}

/**
 * Repairs what @cantoo/pdf-lib 2.11.1 gets wrong when it decrypts a file:
 * - it decrypts a literal string `( … )` into its raw bytes but keeps it a literal string, so a decrypted
 *   `)`, `(` or `\` comes out unescaped and the saved file is malformed (qpdf: "unexpected )"; poppler:
 *   "Illegal character"). The strings it decrypted are exactly those in top-level objects (an object stream is
 *   decrypted as a whole and its objects parsed as plain text), so those are rewritten as hex strings, which
 *   carry any byte; strings from object streams keep their escapes;
 * - it loses /Info and /ID from a cross-reference stream's trailer (`restoreTrailer`).
 */
export async function repairDecrypted(doc: PDFDocument, bytes: Uint8Array): Promise<void> {
  const topLevel = topLevelObjectNumbers(bytes);
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (topLevel.has(ref.objectNumber)) walk(object);
  }
  await restoreTrailer(doc, bytes);
}
