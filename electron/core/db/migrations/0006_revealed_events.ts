/**
 * Frozen. Reading a record with its personal data in full leaves a `revealed` event. SQLite cannot alter a
 * CHECK, so `events` is rebuilt as migration 4 did: same columns, same rows in the same order, same index and
 * append-only triggers, one more kind allowed.
 */
export const migration0006 = {
  id: 6,
  name: 'revealed_events',
  sql: `
    CREATE TABLE events_v6 (
      seq INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL REFERENCES archive (id),
      kind TEXT NOT NULL CHECK (kind IN ('signed', 'stamped', 'voided', 'scan-attached', 'printed', 'exported', 'redacted', 'superseded', 'imported', 'revealed')),
      at TEXT NOT NULL,
      details_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL UNIQUE,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;
    INSERT INTO events_v6 (seq, record_id, kind, at, details_json, prev_hash, hash)
      SELECT seq, record_id, kind, at, details_json, prev_hash, hash FROM events ORDER BY seq;
    DROP TABLE events;
    ALTER TABLE events_v6 RENAME TO events;
    CREATE INDEX events_record ON events (record_id, kind);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
} as const;
