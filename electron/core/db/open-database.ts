import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { CoreError } from '../errors';
import { backupDatabaseSync } from './backup-database';
import { BACKUP_DIR } from './backup-files';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';

/**
 * Opens (creating if needed) the Pledge Desk database at `path` and brings its schema up to date.
 * WAL for concurrent readers, foreign keys on, and `synchronous=FULL`: a change is on disk before the call
 * that made it returns, so a crash or power cut never loses a confirmed draft edit or signature.
 * Data first: an existing database at an older schema version is backed up (a `pre-migration` backup in the
 * `backups/` folder next to it, never pruned) before it is migrated; when that backup fails it is not
 * migrated and MIGRATION_BACKUP_FAILED is thrown (DB_CORRUPT when the snapshot shows it is damaged).
 */
export function openDatabase(path: string, now: Date): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot open the database at ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Migrate (which refuses a newer database) before switching to WAL: a refused file must stay untouched.
    const opened = db;
    migrate(db, MIGRATIONS, now.toISOString(), { beforeUpgrade: (applied, pending) => backUpBeforeMigrating(opened, path, now, applied, pending) });
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new CoreError('DB_CORRUPT', `the database at ${path} is damaged or is not a Pledge Desk database`);
    }
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
      throw new CoreError('STORAGE_UNAVAILABLE', `cannot write the database at ${path} (${code})`);
    }
    throw error;
  }
}

function backUpBeforeMigrating(db: Database.Database, path: string, now: Date, applied: readonly number[], pending: readonly number[]): void {
  const dir = join(dirname(path), BACKUP_DIR);
  try {
    backupDatabaseSync(db, dir, now, 'pre-migration');
  } catch (error) {
    if (error instanceof CoreError && error.code === 'DB_CORRUPT') throw error;
    const code = (error as { code?: string }).code;
    throw new CoreError(
      'MIGRATION_BACKUP_FAILED',
      `the database at ${path} (schema ${Math.max(...applied)}) needs migrations ${pending.join(', ')}, but the backup before migrating failed (${code ? `${code}: ` : ''}${(error as Error).message}); it was not migrated`,
      undefined,
      { backupDir: dir, schemaVersion: Math.max(...applied) },
    );
  }
}
