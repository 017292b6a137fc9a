import type Database from 'better-sqlite3';
import type { ArchiveEvent, ArchiveEventKind } from '../../shared/dto';
import { canonicalJson } from '../util/canonical-json';
import { GENESIS_HASH, eventHash } from './chain-hash';

export interface NewEvent {
  recordId: string;
  kind: ArchiveEventKind;
  /** ISO 8601 instant, from the caller's clock. */
  at: string;
  details: Record<string, unknown>;
}

/**
 * Appends one event to the audit log and returns it. The event takes the next position (`seq` = last + 1)
 * and is chained to the last event's hash. Call it inside the caller's write transaction (an IMMEDIATE one
 * when other connections may write), so that reading the chain's head and appending are atomic; the UNIQUE
 * constraint on `prev_hash` refuses a fork if they were not.
 */
export function appendEvent(db: Database.Database, event: NewEvent): ArchiveEvent {
  const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Stored canonical, so that the stored text is exactly what was hashed.
  const details = JSON.parse(canonicalJson(event.details)) as Record<string, unknown>;
  const hash = eventHash(prevHash, { seq, recordId: event.recordId, kind: event.kind, at: event.at, details });
  db.prepare('INSERT INTO events (seq, record_id, kind, at, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    seq,
    event.recordId,
    event.kind,
    event.at,
    canonicalJson(details),
    prevHash,
    hash,
  );
  return { seq, recordId: event.recordId, kind: event.kind, at: event.at, details, prevHash, hash };
}
