import type Database from 'better-sqlite3';
import type { ArchiveEvent, ArchiveEventKind } from '../../shared/dto';

/** An `events` row as SQLite returns it. */
export interface EventDbRow {
  seq: number;
  record_id: string;
  kind: ArchiveEventKind;
  at: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export function toEvent(row: EventDbRow): ArchiveEvent {
  return {
    seq: row.seq,
    recordId: row.record_id,
    kind: row.kind,
    at: row.at,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A record's events in chain order (oldest first). */
export function listEvents(db: Database.Database, recordId: string): ArchiveEvent[] {
  return (db.prepare('SELECT * FROM events WHERE record_id = ? ORDER BY seq').all(recordId) as EventDbRow[]).map(toEvent);
}
