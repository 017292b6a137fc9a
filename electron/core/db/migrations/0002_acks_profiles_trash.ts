/**
 * Frozen. Per-clause acknowledgements on drafts, soft deletion (so a deleted draft can be restored), and
 * signer profiles offered the next time a merchant signs.
 */
export const migration0002 = {
  id: 2,
  name: 'acks_profiles_trash',
  sql: `
    ALTER TABLE drafts ADD COLUMN acks_json TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE drafts ADD COLUMN deleted_at TEXT;

    CREATE TABLE profiles (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('企业', '个人', '其他')),
      name TEXT NOT NULL,
      organisation TEXT,
      id_number TEXT,
      credit_code TEXT,
      phone TEXT,
      address TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX profiles_updated ON profiles (updated_at DESC);
  `,
} as const;
