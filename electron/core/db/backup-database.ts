import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/dto';
import { nextBackupName } from './backup-files';
import { snapshotDatabase, snapshotDatabaseSync } from './snapshot-database';
import { fsyncDirectory } from '../util/atomic-write-file';

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
  await snapshotDatabase(db, tmp);
  return placeBackup(tmp, dir, at, kind);
}

/**
 * `backupDatabase` for the moment before a migration, when nothing else may run: a synchronous snapshot
 * (`snapshotDatabaseSync`), checked, flushed and renamed into `dir` like any other backup.
 */
export function backupDatabaseSync(db: Database.Database, dir: string, at: Date, kind: BackupInfo['kind']): BackupInfo {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.backup-${randomBytes(6).toString('hex')}.tmp`);
  snapshotDatabaseSync(db, tmp);
  return placeBackup(tmp, dir, at, kind);
}

/** Names a checked snapshot and renames it into place; removes it when that fails. */
function placeBackup(tmp: string, dir: string, at: Date, kind: BackupInfo['kind']): BackupInfo {
  try {
    // Named only now, synchronously after the check: no other backup of this process can take the name meanwhile.
    const name = nextBackupName(dir, at, kind);
    const path = join(dir, name);
    renameSync(tmp, path);
    fsyncDirectory(dir);
    return { name, path, createdAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(), bytes: statSync(path).size, kind };
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

