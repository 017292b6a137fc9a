/**
 * Frozen: never edit a migration that has shipped; add a new numbered one instead.
 * Drafts keep values as typed (JSON), so a half-filled or invalid answer is never lost.
 */
export const migration0001 = {
  id: 1,
  name: 'initial',
  sql: `
    CREATE TABLE templates (
      id TEXT NOT NULL,
      version TEXT NOT NULL,
      title TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('builtin', 'import')),
      json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (id, version)
    ) STRICT;

    CREATE TABLE drafts (
      id TEXT PRIMARY KEY,
      template_id TEXT NOT NULL,
      template_version TEXT NOT NULL,
      values_json TEXT NOT NULL DEFAULT '{}',
      signer_json TEXT,
      step TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed')),
      archive_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
    ) STRICT;
    CREATE INDEX drafts_updated ON drafts (updated_at DESC);

    CREATE TABLE archive (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('composed')),
      template_id TEXT NOT NULL,
      template_version TEXT NOT NULL,
      title TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      organisation TEXT,
      signer_json TEXT NOT NULL,
      values_json TEXT NOT NULL,
      sign_date TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      file_bytes INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      draft_id TEXT REFERENCES drafts (id)
    ) STRICT;
    CREATE INDEX archive_signed ON archive (signed_at DESC);

    -- Archived pledges are evidence: rows are never changed or removed.
    CREATE TRIGGER archive_no_update BEFORE UPDATE ON archive
      BEGIN SELECT RAISE(ABORT, 'archive rows are append-only'); END;
    CREATE TRIGGER archive_no_delete BEFORE DELETE ON archive
      BEGIN SELECT RAISE(ABORT, 'archive rows are append-only'); END;
  `,
} as const;
