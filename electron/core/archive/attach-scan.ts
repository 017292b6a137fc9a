import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { appendEvent } from './append-event';
import { assertNotRedacted } from './record-access-event';

/** What is known of a stored scan (the caller stores the bytes under `sha256` first). */
export interface ScanFile {
  sha256: string;
  bytes: number;
  /** `image/png`, `image/jpeg` or `application/pdf`. */
  contentType: string;
}

/**
 * Records that a scan or photo of the wet-ink signed copy belongs to a record: a `scan-attached` event with
 * the file's SHA-256, so that the scan is covered by the chain and `verifyAll` re-hashes it. Throws
 * ARCHIVE_NOT_FOUND or ARCHIVE_REDACTED.
 */
export function attachScan(db: Database.Database, input: { id: string; scan: ScanFile; at: string }): ArchiveEvent {
  return db.transaction(() => {
    assertNotRedacted(db, input.id);
    return appendEvent(db, {
      recordId: input.id,
      kind: 'scan-attached',
      at: input.at,
      details: { sha256: input.scan.sha256, bytes: input.scan.bytes, contentType: input.scan.contentType },
    });
  }).immediate();
}
