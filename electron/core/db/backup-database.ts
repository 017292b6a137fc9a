import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/dto';
import { CoreError } from '../errors';
import { nextBackupName } from './backup-files';

/**
 * Backs the open database up into `dir` with SQLite's online backup API (`db.backup`: page by page, the
 * connection stays usable; never a file copy of a live database), named by `at` (see `nextBackupName`).
 * The copy is made under a temporary name, switched to a rollback journal (one self-contained file), checked
 * with `PRAGMA quick_check`, flushed, and only then renamed into place: a backup that exists is whole and
 * sound. A copy that fails the check means the live database is damaged: it is discarded and DB_CORRUPT
 * thrown, so that a damaged copy never pushes a good backup out of the rotation. Closing the connection while
 * a backup runs aborts it, leaving nothing behind.
 */
export async function backupDatabase(db: Database.Database, dir: string, at: Date, kind: BackupInfo['kind']): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.backup-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await db.backup(tmp);
    const copy = new Database(tmp, { fileMustExist: true });
    let check: unknown;
    try {
      copy.pragma('journal_mode = DELETE');
      check = copy.pragma('quick_check', { simple: true });
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new CoreError('DB_CORRUPT', `the database is damaged (quick_check: ${String(check)}); the backup was discarded`);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Named only now, synchronously after the check: no other backup of this process can take the name meanwhile.
    const name = nextBackupName(dir, at, kind);
    const path = join(dir, name);
    renameSync(tmp, path);
    fsyncFolder(dir);
    return { name, path, createdAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(), bytes: statSync(path).size, kind };
  } catch (error) {
    for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(leftover, { force: true });
    throw error;
  }
}

function fsyncFolder(dir: string): void {
  // Windows cannot open folders; elsewhere this makes the rename survive a power cut.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
