/**
 * Frozen. Signatures and seals saved with a signer profile, offered again the next time that merchant signs.
 * The PNG (transparent background, as the client made it) is stored in the row: a few tens of kilobytes, and
 * keeping it here means a database backup carries it and deleting the profile erases it (ON DELETE CASCADE:
 * profiles are deleted outright, not trashed, so a merchant's handwriting does not outlive their profile).
 * `sha256` is the PNG's, unique per profile so saving the same image twice keeps one row.
 */
export const migration0005 = {
  id: 5,
  name: 'profile_assets',
  sql: `
    CREATE TABLE profile_assets (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('signature', 'seal')),
      label TEXT NOT NULL,
      png BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (profile_id, sha256)
    ) STRICT;
    CREATE INDEX profile_assets_profile ON profile_assets (profile_id, created_at DESC);
  `,
} as const;
