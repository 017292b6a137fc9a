import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { CoreError } from '../errors';

/**
 * Takes an online snapshot of the open database into `path` (which must not exist) with SQLite's backup API
 * (`db.backup`: page by page, the connection stays usable; never a file copy of a live database), then makes
 * it one self-contained file (rollback journal), checks it with `PRAGMA quick_check` and flushes it to disk.
 * A snapshot that fails the check means the live database is damaged: the file is removed and DB_CORRUPT
 * thrown. On any failure nothing is left at `path`.
 */
export async function snapshotDatabase(db: Database.Database, path: string): Promise<void> {
  try {
    await db.backup(path);
    finishSnapshot(path);
  } catch (error) {
    removeSnapshot(path);
    throw error;
  }
}

/**
 * The synchronous snapshot, for when nothing else may run meanwhile (before migrating, while the database is
 * being opened): `VACUUM INTO`, SQLite's own consistent copy of a live database, then the same switch to a
 * rollback journal, check and flush as `snapshotDatabase`.
 */
export function snapshotDatabaseSync(db: Database.Database, path: string): void {
  try {
    db.prepare('VACUUM INTO ?').run(path);
    finishSnapshot(path);
  } catch (error) {
    removeSnapshot(path);
    throw error;
  }
}

function finishSnapshot(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  let check: unknown;
  try {
    copy.pragma('journal_mode = DELETE');
    check = copy.pragma('quick_check', { simple: true });
  } finally {
    copy.close();
  }
  if (check !== 'ok') throw new CoreError('DB_CORRUPT', `the database is damaged (quick_check: ${String(check)}); the snapshot was discarded`);
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeSnapshot(path: string): void {
  for (const leftover of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(leftover, { force: true });
}
