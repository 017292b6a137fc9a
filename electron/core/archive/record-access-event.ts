import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { CoreError } from '../errors';
import { appendEvent } from './append-event';
import { recordState } from './record-state';

/**
 * Appends a `printed` ({copies}) or `exported` event after the PDF left the archive. Throws
 * ARCHIVE_NOT_FOUND, or ARCHIVE_REDACTED when the record's PDF was erased.
 */
export function recordAccessEvent(
  db: Database.Database,
  input: { id: string; kind: 'printed' | 'exported'; at: string; details: Record<string, unknown> },
): ArchiveEvent {
  return db.transaction(() => {
    assertNotRedacted(db, input.id);
    return appendEvent(db, { recordId: input.id, kind: input.kind, at: input.at, details: input.details });
  }).immediate();
}

/** Throws ARCHIVE_NOT_FOUND, or ARCHIVE_REDACTED when the record's content was erased. */
export function assertNotRedacted(db: Database.Database, id: string): void {
  if (recordState(db, id).status === 'redacted') throw new CoreError('ARCHIVE_REDACTED', `the PDF and personal data of ${id} were erased`);
}
