/**
 * Frozen. Exchange bundles: an archive row that came from another machine is followed by an `imported` event
 * (after its own history, replayed). SQLite cannot alter a CHECK, so `events` is rebuilt with the new kind
 * allowed: same columns, same rows in the same order, same index and append-only triggers. Dropping the old
 * table fires no DELETE trigger (SQLite's implicit DELETE of a DROP never does), and nothing references it.
 */
export const migration0004 = {
  id: 4,
  name: 'imported_events',
  sql: `
    CREATE TABLE events_v4 (
      seq INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES archive (id),
      kind TEXT NOT NULL CHECK (kind IN ('signed', 'stamped', 'voided', 'scan-attached', 'printed', 'exported', 'redacted', 'superseded', 'imported')),
      at TEXT NOT NULL,
      details_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL UNIQUE,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;
    INSERT INTO events_v4 (seq, record_id, kind, at, details_json, prev_hash, hash)
      SELECT seq, record_id, kind, at, details_json, prev_hash, hash FROM events ORDER BY seq;
    DROP TABLE events;
    ALTER TABLE events_v4 RENAME TO events;
    CREATE INDEX events_record ON events (record_id, kind);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
} as const;
