import type Database from 'better-sqlite3';
import type { ArchiveStatus } from '../../shared/dto';
import { STATUS_CODE } from './search-codes';

/**
 * Sets a record's status in the search tables. `redacted` also deletes its text entries (names, values,
 * grams): an erased record is still listed by status, but no text finds it any more.
 */
export function setSearchStatus(db: Database.Database, recordId: string, status: ArchiveStatus): void {
  const docid = db.prepare('SELECT rowid FROM archive WHERE id = ?').pluck().get(recordId) as number | undefined;
  if (docid === undefined) return;
  db.prepare('UPDATE search_doc SET status = ? WHERE docid = ?').run(STATUS_CODE[status], docid);
  if (status !== 'redacted') return;
  db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(docid);
  db.prepare('DELETE FROM search_short WHERE rowid = ?').run(docid);
}
