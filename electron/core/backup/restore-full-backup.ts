import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/dto';
import { BACKUP_DIR, DATABASE_FILE, KEEP_AUTOMATIC_BACKUPS, backupStamp, nextBackupName, pruneAutomaticBackups } from '../db/backup-files';
import { checkDatabaseFile } from '../db/check-database-file';
import { MIGRATIONS } from '../db/migrations/index';
import { CoreError } from '../errors';
import { atomicWriteFile } from '../util/atomic-write-file';
import { checkRestoreTarget } from './check-restore-target';
import { FULL_BACKUP_DATABASE, type FullBackupManifest } from './full-backup-format';
import { openFullBackup } from './open-full-backup';
import { fsyncDirectory } from '../util/atomic-write-file';

export interface FullRestoreResult {
  manifest: FullBackupManifest;
  /** Files written besides the database (archived PDFs and scans). */
  files: number;
  /** Bytes written, the database included. */
  bytes: number;
  /** Where a brand-new empty database that was in the way was moved (with its -wal/-shm), never deleted. */
  movedAside: string[];
  /** The restored database, also kept as the newest automatic backup; null when that copy failed. */
  backup: BackupInfo | null;
}

/**
 * Restores a full backup (`.pledgebackup`) into `dataDir`, with the app closed. In this order, so that a
 * refusal changes nothing: the folder must be empty (`checkRestoreTarget`, else RESTORE_TARGET_NOT_EMPTY);
 * every file of the backup must match its size and SHA-256 (`openFullBackup`, else BACKUP_INVALID naming the
 * entry). Then the database is written under a temporary name, flushed and checked (`integrity_check`, and
 * DB_NEWER_VERSION for a schema this build does not know); the PDFs and scans are written atomically (each
 * to a temporary file, then renamed); a brand-new empty database in the way is moved aside; and the database
 * is renamed into place last. On a failure everything written so far is removed again. Finally the restored
 * database is also copied into `backups/` as the newest automatic backup (best effort), so that the daily
 * rotation starts from the restored data, not from the empty folder it replaced.
 */
export function restoreFullBackup(dataDir: string, file: string, now: Date): FullRestoreResult {
  checkRestoreTarget(dataDir);
  const backup = openFullBackup(file);
  const dbPath = join(dataDir, DATABASE_FILE);
  const tmp = join(dataDir, `.${DATABASE_FILE}.restoring-${randomBytes(6).toString('hex')}`);
  const created: string[] = [];
  const moved: Array<{ from: string; to: string }> = [];
  let bytes = 0;
  try {
    mkdirSync(dataDir, { recursive: true });
    const dbBytes = backup.readFile(FULL_BACKUP_DATABASE);
    writeFlushed(tmp, dbBytes);
    bytes += dbBytes.length;
    checkRestoredDatabase(tmp);
    for (const entry of backup.manifest.files) {
      if (entry.path === FULL_BACKUP_DATABASE) continue;
      const target = join(dataDir, entry.path);
      mkdirSync(join(target, '..'), { recursive: true });
      if (existsSync(target)) continue;
      const content = backup.readFile(entry.path);
      atomicWriteFile(target, content);
      created.push(target);
      bytes += content.length;
    }
    const aside = freeName(`${dbPath}.replaced-${backupStamp(now)}`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (!existsSync(`${dbPath}${suffix}`)) continue;
      renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
      moved.push({ from: `${dbPath}${suffix}`, to: `${aside}${suffix}` });
    }
    renameSync(tmp, dbPath);
    fsyncDirectory(dataDir);
  } catch (error) {
    rmSync(tmp, { force: true });
    for (const path of created) rmSync(path, { force: true });
    // Put a moved-aside empty database back: the folder is as it was.
    for (const { from, to } of moved) if (!existsSync(from)) renameSync(to, from);
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot restore into ${dataDir} (${code || (error as Error).message}); nothing was restored`);
  } finally {
    backup.close();
  }
  return { manifest: backup.manifest, files: created.length, bytes, movedAside: moved.map((m) => m.to), backup: keepAsBackup(dataDir, dbPath, now) };
}

/** The restored file must pass `integrity_check` and be of a schema this build knows (older is fine: it is migrated on open). */
function checkRestoredDatabase(path: string): void {
  const health = checkDatabaseFile(path);
  if (health.state !== 'ok') {
    throw new CoreError('BACKUP_INVALID', `the database in the backup fails its check: ${health.state === 'damaged' ? health.problem : 'empty'}`, undefined, { file: FULL_BACKUP_DATABASE });
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let ids: number[];
  try {
    ids = db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[];
  } finally {
    db.close();
  }
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CoreError('DB_NEWER_VERSION', `the backup's database was written by a newer version of Pledge Desk (migration ${Math.max(...unknown)}); update the app to restore it`);
  }
}

function keepAsBackup(dataDir: string, dbPath: string, now: Date): BackupInfo | null {
  const dir = join(dataDir, BACKUP_DIR);
  const tmp = join(dir, `.restored-${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    copyFileSync(dbPath, tmp);
    const name = nextBackupName(dir, now, 'automatic');
    renameSync(tmp, join(dir, name));
    pruneAutomaticBackups(dir, KEEP_AUTOMATIC_BACKUPS, name);
    const path = join(dir, name);
    return { name, path, createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(), bytes: statSync(path).size, kind: 'automatic' };
  } catch {
    rmSync(tmp, { force: true });
    return null;
  }
}

function writeFlushed(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `base`, or `base-2`, `base-3` … when a file of that name (or its -wal) exists already. */
function freeName(base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(name) && !existsSync(`${name}-wal`)) return name;
  }
}

