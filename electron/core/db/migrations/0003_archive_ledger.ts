import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Signer } from '../../../shared/dto';
import type { FieldValues, Template } from '../../../shared/template';
import { appendEvent } from '../../archive/append-event';
import { type ArchiveDbRow, rowContent } from '../../archive/archive-row';
import { archiveRowHash } from '../../archive/chain-hash';
import { indexArchiveRecord } from '../../archive/index-archive-record';
import { insertArchiveRow } from '../../archive/insert-archive-row';
import { splitPersonal } from '../../archive/personal-data';

/**
 * Frozen. The archive becomes a ledger:
 * - `archive` is rebuilt (SQLite cannot alter a CHECK): `kind` also allows `stamped`, and a `personal_hash`
 *   column references the new `personal_data` table. Personal data (the signer's ID and phone numbers and
 *   address, and the values of phone, ID-card and address blanks) moves out of the row into that table, so
 *   that an erasure request can delete it while the row stays immutable. The old `signer_json` with personal
 *   numbers is not kept anywhere: the rebuilt table replaces the old one inside this transaction.
 * - `events` is the append-only audit log and hash chain. Every existing record gets its `signed` event here,
 *   in rowid order, carrying the hash of its (rebuilt) row; `chainedAt` says the chain was added later.
 * - search tables (derived, rebuildable): template versions' clause text once per version, per-record
 *   filter columns, a trigram FTS of names, values and ids, and a 1–2 character gram index.
 * Append-only triggers are recreated on the new `archive` and added to `events`.
 */
export const migration0003 = {
  id: 3,
  name: 'archive_ledger',
  sql: `
    CREATE TABLE personal_data (
      hash TEXT PRIMARY KEY,
      json TEXT NOT NULL
    ) STRICT;
    -- Erasable (a redaction deletes the row) but never edited in place.
    CREATE TRIGGER personal_data_no_update BEFORE UPDATE ON personal_data
      BEGIN SELECT RAISE(ABORT, 'personal data rows are never changed; redact and sign again'); END;

    CREATE TABLE archive_v3 (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('composed', 'stamped')),
      template_id TEXT NOT NULL,
      template_version TEXT NOT NULL,
      title TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      organisation TEXT,
      signer_json TEXT NOT NULL,
      values_json TEXT NOT NULL,
      personal_hash TEXT,
      sign_date TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      file_bytes INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      draft_id TEXT REFERENCES drafts (id)
    ) STRICT;

    CREATE TABLE search_template (
      tkey INTEGER PRIMARY KEY,
      template_id TEXT NOT NULL,
      template_version TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (template_id, template_version)
    ) STRICT;
    CREATE VIRTUAL TABLE search_template_fts USING fts5(title, body, content = 'search_template', content_rowid = 'tkey', tokenize = 'trigram');

    -- One narrow row per record for filters and sorting (a full scan reads ~2 MB per 100,000 records).
    -- signed_ms: signedAt in ms since 1970; day: the pledge's date as yyyymmdd; signer_type: 0 企业, 1 个人,
    -- 2 其他; status: 0 valid, 1 superseded, 2 void, 3 redacted (kept in step with the events).
    CREATE TABLE search_doc (
      docid INTEGER PRIMARY KEY,
      tkey INTEGER NOT NULL,
      signed_ms INTEGER NOT NULL,
      day INTEGER NOT NULL,
      signer_type INTEGER NOT NULL,
      status INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX search_doc_signed ON search_doc (signed_ms, docid);
    CREATE INDEX search_doc_tkey ON search_doc (tkey, status, signed_ms);

    CREATE VIRTUAL TABLE search_fts USING fts5(names, filled, ident, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE VIRTUAL TABLE search_short USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61', detail = 'none');
  `,
  up(db: Database.Database, appliedAt: string): void {
    const templateJson = db.prepare('SELECT json FROM templates WHERE id = ? AND version = ?').pluck();
    const templateOf = (id: string, version: string): Template | null => {
      const json = templateJson.get(id, version) as string | undefined;
      return json === undefined ? null : (JSON.parse(json) as Template);
    };
    const old = db.prepare('SELECT rowid, * FROM archive ORDER BY rowid').all() as Array<{ rowid: number; signer_json: string; values_json: string } & Omit<ArchiveDbRow, 'personal_hash'>>;
    const putPersonal = db.prepare('INSERT OR IGNORE INTO personal_data (hash, json) VALUES (?, ?)');
    for (const row of old) {
      const template = templateOf(row.template_id, row.template_version);
      const split = splitPersonal(JSON.parse(row.signer_json) as Signer, JSON.parse(row.values_json) as FieldValues, template?.fields ?? null, randomBytes(16).toString('hex'));
      if (split.personal) putPersonal.run(split.personal.hash, split.personal.json);
      insertArchiveRow(db, { ...rowContent({ ...row, personal_hash: null }), signer: split.signer, values: split.values, personalHash: split.personal?.hash ?? null }, 'archive_v3', row.rowid);
    }
    // The old rows held personal numbers: zero the pages they free instead of leaving them in the file.
    const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    db.exec(`
      DROP TABLE archive;
      ALTER TABLE archive_v3 RENAME TO archive;
      CREATE INDEX archive_signed ON archive (signed_at DESC);
      CREATE INDEX archive_file ON archive (file_sha256);
      CREATE TRIGGER archive_no_update BEFORE UPDATE ON archive
        BEGIN SELECT RAISE(ABORT, 'archive rows are append-only'); END;
      CREATE TRIGGER archive_no_delete BEFORE DELETE ON archive
        BEGIN SELECT RAISE(ABORT, 'archive rows are append-only'); END;

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES archive (id),
        kind TEXT NOT NULL CHECK (kind IN ('signed', 'stamped', 'voided', 'scan-attached', 'printed', 'exported', 'redacted', 'superseded')),
        at TEXT NOT NULL,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX events_record ON events (record_id, kind);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
    db.pragma(`secure_delete = ${secureDelete}`);
    const rows = db.prepare('SELECT rowid, * FROM archive ORDER BY rowid').all() as Array<ArchiveDbRow & { rowid: number }>;
    for (const row of rows) {
      const content = rowContent(row);
      appendEvent(db, {
        recordId: row.id,
        kind: row.kind === 'stamped' ? 'stamped' : 'signed',
        at: row.signed_at,
        details: { rowHash: archiveRowHash(content), fileSha256: row.file_sha256, contentHash: row.content_hash, chainedAt: appliedAt },
      });
      indexArchiveRecord(db, { docid: row.rowid, row: content, template: templateOf(row.template_id, row.template_version), signerType: content.signer.type });
    }
  },
};
