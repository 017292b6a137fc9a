import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';

const DOC_ID = /PD-\d{8}-[0-9A-HJKMNP-TV-Z]{8}/;
const CONTENT_HASH = /contentHash:([0-9a-f]{64})/;

/** Where a PDF says which pledge it is. */
export interface PdfIdentity {
  docId: string;
  /** Every content hash the copy carries (evidence.json, Keywords), to compare with the record's. */
  contentHashes: string[];
  /** The first place the id was found in: evidence.json, then metadata, then footer text. */
  foundBy: 'metadata' | 'evidence' | 'footer';
  /** What each place said, in English. */
  notes: string[];
}

/**
 * Reads the Pledge Desk document id a PDF carries, trying in turn: the embedded `evidence.json` (document id
 * and content hash), the metadata (Subject `承诺书 <id>`, Keywords `contentHash:<hex>`), and, when a text
 * extractor is given, the footer text (`文档编号 <id>` / the verification code). Null for a PDF that names no
 * pledge, or that pdf-lib cannot open (an encrypted or broken file).
 */
export async function readPdfIdentity(bytes: Uint8Array, extractText?: (bytes: Uint8Array) => Promise<string>): Promise<PdfIdentity | null> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }).catch(() => null);
  if (doc) {
    const notes: string[] = [];
    const hashes: string[] = [];
    let found: Pick<PdfIdentity, 'docId' | 'foundBy'> | null = null;
    const evidence = readEvidence(doc);
    if (evidence) {
      found = { docId: evidence.docId, foundBy: 'evidence' };
      notes.push(`evidence.json names ${evidence.docId}${evidence.contentHash ? ` with content hash ${evidence.contentHash}` : ''}`);
      if (evidence.contentHash) hashes.push(evidence.contentHash);
    }
    const subject = doc.getSubject() ?? '';
    const keywords = doc.getKeywords() ?? '';
    const metaId = DOC_ID.exec(`${subject} ${keywords}`)?.[0];
    const metaHash = CONTENT_HASH.exec(keywords)?.[1];
    if (metaId) {
      found ??= { docId: metaId, foundBy: 'metadata' };
      notes.push(`the metadata names ${metaId}${metaHash ? ` with content hash ${metaHash}` : ''}`);
      if (metaHash) hashes.push(metaHash);
    }
    if (found) return { ...found, contentHashes: [...new Set(hashes)], notes };
  }
  if (!extractText) return null;
  let text: string;
  try {
    text = await extractText(bytes);
  } catch {
    return null;
  }
  const docId = DOC_ID.exec(text.replace(/\s+/g, ''))?.[0];
  return docId ? { docId, contentHashes: [], foundBy: 'footer', notes: [`the footer text names ${docId}`] } : null;
}

/** `documentId` and `contentHash` from an attached `evidence.json`, or null. */
function readEvidence(doc: PDFDocument): { docId: string; contentHash: string | null } | null {
  for (const [name, bytes] of attachments(doc)) {
    if (name !== 'evidence.json') continue;
    try {
      const json = JSON.parse(new TextDecoder().decode(bytes)) as { documentId?: unknown; contentHash?: unknown };
      if (typeof json.documentId !== 'string' || !DOC_ID.test(json.documentId)) continue;
      const hash = typeof json.contentHash === 'string' && /^[0-9a-f]{64}$/.test(json.contentHash) ? json.contentHash : null;
      return { docId: json.documentId, contentHash: hash };
    } catch {
      // A damaged attachment says nothing; the metadata may still.
    }
  }
  return null;
}

/** The files in the document's EmbeddedFiles name tree, by name (walking Kids, at most 1,000 entries). */
function attachments(doc: PDFDocument): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [];
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 8 || out.length > 1000) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
      const spec = pairs.lookup(i + 1);
      const stream = spec instanceof PDFDict ? spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F')) : undefined;
      if (stream instanceof PDFRawStream) {
        try {
          out.push([name, decodePDFRawStream(stream).decode()]);
        } catch {
          // An undecodable stream is skipped.
        }
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(names, 0);
  return out;
}
