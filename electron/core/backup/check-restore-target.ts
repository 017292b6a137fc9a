import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../db/backup-files';
import { databaseFileMissing } from '../db/check-database-file';
import { CoreError } from '../errors';

/** Tables whose rows are the user's data; a table an old schema lacks counts as empty. */
const DATA_TABLES = ['archive', 'events', 'drafts', 'profiles', 'personal_data'] as const;

/**
 * Refuses (RESTORE_TARGET_NOT_EMPTY, changing nothing) to restore a full backup into `dataDir` unless it is
 * empty: `archive/` and `scans/` hold no files, and the database is missing (or a zero-byte file) or brand
 * new — it opens, and holds no archive record, event, draft, signer profile or personal data, and no template
 * but the built-in ones a first start seeds. So a restore onto a fresh install works (start the app once, then
 * restore), while it can never replace or mix with real data. A database that cannot be read is not empty:
 * it may hold data worth rescuing (`pledge backup restore` handles a damaged database). `blobs/` (uploads
 * not yet attached to anything), `exports/` and `backups/` are not looked at.
 */
export function checkRestoreTarget(dataDir: string): void {
  const refuse = (why: string): never => {
    throw new CoreError('RESTORE_TARGET_NOT_EMPTY', `cannot restore into ${dataDir}: ${why}; restore into an empty data folder (nothing was changed)`, undefined, { dataDir });
  };
  for (const folder of ['archive', 'scans']) {
    const files = filesIn(join(dataDir, folder));
    if (files > 0) refuse(`${folder}/ holds ${files} file${files === 1 ? '' : 's'}`);
  }
  const dbPath = join(dataDir, DATABASE_FILE);
  if (databaseFileMissing(dbPath)) return;
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
    for (const table of DATA_TABLES) {
      if (has.get(table) === undefined) continue;
      const rows = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      if (rows > 0) refuse(`its database holds ${rows} row${rows === 1 ? '' : 's'} in ${table}`);
    }
    if (has.get('templates') !== undefined) {
      const own = db.prepare("SELECT count(*) FROM templates WHERE source <> 'builtin'").pluck().get() as number;
      if (own > 0) refuse(`its database holds ${own} imported or edited template${own === 1 ? '' : 's'}`);
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    refuse(`its database ${dbPath} cannot be read (${(error as Error).message}), so it may hold data`);
  } finally {
    db?.close();
  }
}

/** Files in `dir` (dot-files, the leftovers of interrupted writes, do not count); 0 when it does not exist. */
function filesIn(dir: string): number {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith('.')).length;
  } catch {
    return 0;
  }
}
