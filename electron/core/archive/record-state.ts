import type Database from 'better-sqlite3';
import type { ArchiveStatus } from '../../shared/dto';
import { CoreError } from '../errors';
import type { ArchiveDbRow } from './archive-row';
import { listEvents } from './list-events';
import { recordStatus } from './record-status';

/** A record's row and current status; throws ARCHIVE_NOT_FOUND. */
export function recordState(db: Database.Database, id: string): { row: ArchiveDbRow & { rowid: number }; status: ArchiveStatus; supersededBy: string | null } {
  const row = db.prepare('SELECT rowid, * FROM archive WHERE id = ?').get(id) as (ArchiveDbRow & { rowid: number }) | undefined;
  if (!row) throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${id}`);
  return { row, ...recordStatus(listEvents(db, id)) };
}
