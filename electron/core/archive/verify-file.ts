import type Database from 'better-sqlite3';
import type { VerifyResult } from '../../shared/dto';
import { CoreError } from '../errors';
import { sha256Hex } from '../util/sha256-hex';
import { toListItem } from './to-list-item';
import type { ArchiveDbRow } from './archive-row';
import { decodeImage, decodeQr } from './decode-qr';
import { listEvents } from './list-events';
import { parseQrPayload } from './parse-verification';
import { pdfPageImages } from './pdf-page-images';
import { readPdfIdentity } from './read-pdf-identity';

export interface VerifyFileOptions {
  /** Extracts a PDF's text (for the footer's document id); without it the footer is not read. */
  extractText?: (bytes: Uint8Array) => Promise<string>;
}

const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
const isImage = (bytes: Uint8Array): boolean => (bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8);

/**
 * Says whether a file in front of the user is a true copy of an archived pledge:
 * 1. its SHA-256 equals an archived PDF's (`exact`; also for a redacted record, whose hash is kept);
 * 2. a PDF naming a document id of this archive in evidence.json, metadata or footer (`modified-copy`, with
 *    whether the content hash it carries equals the record's, and, for a copy marked 副本 when printed, which
 *    `printed` event made it);
 * 3. a picture, or a PDF of pictures, whose QR code names a record here (`scan`, with the same comparison);
 * 4. otherwise `unknown`. Throws FILE_UNSUPPORTED for bytes that are neither a PDF nor a PNG/JPEG.
 */
export async function verifyFile(db: Database.Database, bytes: Uint8Array, options: VerifyFileOptions = {}): Promise<VerifyResult> {
  const sha = sha256Hex(bytes);
  const exact = db.prepare('SELECT * FROM archive WHERE file_sha256 = ? ORDER BY rowid LIMIT 1').get(sha) as ArchiveDbRow | undefined;
  if (exact) {
    return { verdict: 'exact', recordId: exact.id, record: item(db, exact), foundBy: 'file-hash', details: [`SHA-256 ${sha} is the archived PDF of ${exact.id}`] };
  }
  const details = [`SHA-256 ${sha} matches no archived PDF`];
  if (isPdf(bytes)) {
    const identity = await readPdfIdentity(bytes, options.extractText);
    if (identity) {
      details.push(...identity.notes);
      const row = lookup(db, identity.docId);
      if (!row) return { verdict: 'unknown', details: [...details, `${identity.docId} is not a record of this archive`] };
      const compared = compare(row, identity.contentHashes, details);
      const print = printOf(db, sha, row.id);
      if (print) details.push(`it is the 副本 printed from ${row.id} at ${print.at} (audit event ${print.seq})`);
      return { verdict: 'modified-copy', recordId: row.id, record: item(db, row), foundBy: identity.foundBy, ...compared, details };
    }
    details.push('the PDF carries no Pledge Desk document id');
    for (const image of await pdfPageImages(bytes)) {
      const scanned = fromQr(db, decodeQr(image), details);
      if (scanned) return scanned;
    }
    return { verdict: 'unknown', details };
  }
  if (isImage(bytes)) {
    const image = decodeImage(bytes);
    if (!image) return { verdict: 'unknown', details: [...details, 'the image cannot be decoded'] };
    return fromQr(db, decodeQr(image), details) ?? { verdict: 'unknown', details };
  }
  throw new CoreError('FILE_UNSUPPORTED', 'the file is neither a PDF nor a PNG or JPEG picture');
}

/** The verdict for a decoded QR text, or null when there was none to read. */
function fromQr(db: Database.Database, text: string | null, details: string[]): VerifyResult | null {
  if (text === null) {
    details.push('no QR code was found in the picture');
    return null;
  }
  const payload = parseQrPayload(text);
  if (!payload) {
    details.push('the QR code is not a Pledge Desk code');
    return { verdict: 'unknown', details };
  }
  details.push(`the QR code names ${payload.docId} with content hash ${payload.contentHash}`);
  const row = lookup(db, payload.docId);
  if (!row) return { verdict: 'unknown', details: [...details, `${payload.docId} is not a record of this archive`] };
  return { verdict: 'scan', recordId: row.id, record: item(db, row), foundBy: 'qr', ...compare(row, [payload.contentHash], details), details };
}

function compare(row: ArchiveDbRow, hashes: readonly string[], details: string[]): { contentHashMatches?: boolean } {
  if (hashes.length === 0) {
    details.push('the copy carries no content hash to compare');
    return {};
  }
  const matches = hashes.every((h) => row.content_hash.startsWith(h));
  details.push(matches ? `its content hash equals the record's (${row.content_hash})` : `its content hash differs from the record's (${row.content_hash})`);
  return { contentHashMatches: matches };
}

/** The `printed` event of record `id` whose marked copy has this SHA-256, if the file is one. */
function printOf(db: Database.Database, sha: string, id: string): { seq: number; at: string } | undefined {
  return db
    .prepare("SELECT seq, at FROM events WHERE record_id = ? AND kind = 'printed' AND json_extract(details_json, '$.copySha256') = ? ORDER BY seq LIMIT 1")
    .get(id, sha) as { seq: number; at: string } | undefined;
}

function lookup(db: Database.Database, docId: string): ArchiveDbRow | undefined {
  return db.prepare('SELECT * FROM archive WHERE id = ?').get(docId) as ArchiveDbRow | undefined;
}

function item(db: Database.Database, row: ArchiveDbRow): ReturnType<typeof toListItem> {
  return toListItem(row, listEvents(db, row.id));
}
