import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, RestoreResult } from '../shared/dto';
import { BACKUP_DIR, DATABASE_FILE, backupStamp, listBackups } from '../core/db/backup-files';
import { checkDatabaseFile } from '../core/db/check-database-file';
import { CoreError } from '../core/errors';

export interface RestoreOptions {
  /** The clock's now: names the moved-aside file. Default: the system clock. */
  now?: Date;
  /**
   * Also replace a database that is not damaged (it is kept as `pledge-desk.db.replaced-<timestamp>`). Without
   * it a sound database is refused with DB_NOT_DAMAGED: restoring drops everything archived since the backup.
   */
  force?: boolean;
}

/**
 * Restores the newest sound backup of `dataDir` as its database, with the app closed (nothing may have the
 * database open). Checks the current database first (`PRAGMA integrity_check`): a damaged one — or a missing
 * or empty file — is replaced, a sound one only with `force`. Passes over backups that fail the integrity
 * check (reported in `skipped`). Copies the chosen backup next to the database under a temporary name and
 * checks the copy, moves the current database and its -wal, -shm and -journal files aside as
 * `pledge-desk.db.damaged-<timestamp>[-wal…]` (never deleted: a WAL may hold recent work worth rescuing),
 * renames the copy into place and checks it there once more. Throws BACKUP_NOT_FOUND, DB_NOT_DAMAGED,
 * STORAGE_UNAVAILABLE (the folder cannot be written) or DB_CORRUPT (the copy came out damaged).
 */
export function restoreLatestBackup(dataDir: string, options: RestoreOptions = {}): RestoreResult {
  const dbPath = join(dataDir, DATABASE_FILE);
  const backups = listBackups(join(dataDir, BACKUP_DIR));
  if (backups.length === 0) throw new CoreError('BACKUP_NOT_FOUND', `there is no backup in ${join(dataDir, BACKUP_DIR)}`);
  const health = checkDatabaseFile(dbPath);
  if (health.state === 'ok' && options.force !== true) {
    throw new CoreError(
      'DB_NOT_DAMAGED',
      `the database ${dbPath} is not damaged: restoring ${backups[0]?.name} would drop everything archived since it was taken (use --force to restore anyway)`,
    );
  }
  const skipped: RestoreResult['skipped'] = [];
  let chosen: BackupInfo | null = null;
  for (const backup of backups) {
    const check = checkDatabaseFile(backup.path);
    if (check.state === 'ok') {
      chosen = backup;
      break;
    }
    skipped.push({ name: backup.name, problem: check.state === 'damaged' ? check.problem : 'empty file' });
  }
  if (!chosen) throw new CoreError('BACKUP_NOT_FOUND', `none of the ${backups.length} backups passes an integrity check`, undefined, { skipped });

  const tmp = join(dataDir, `.${DATABASE_FILE}.restoring-${randomBytes(6).toString('hex')}`);
  const movedAside: string[] = [];
  try {
    copyFileSync(chosen.path, tmp, constants.COPYFILE_EXCL);
    fsyncPath(tmp, 'r+');
    const copy = checkDatabaseFile(tmp);
    if (copy.state !== 'ok') throw new CoreError('DB_CORRUPT', `the copy of ${chosen.name} came out damaged: ${copy.state === 'damaged' ? copy.problem : 'empty'}`);
    const aside = freeName(`${dbPath}.${health.state === 'ok' ? 'replaced' : 'damaged'}-${backupStamp(options.now ?? new Date())}`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (!existsSync(`${dbPath}${suffix}`)) continue;
      renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
      movedAside.push(`${aside}${suffix}`);
    }
    renameSync(tmp, dbPath);
    fsyncPath(dataDir, 'r');
  } catch (error) {
    rmSync(tmp, { force: true });
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot restore into ${dataDir} (${code || (error as Error).message}); moved aside so far: ${movedAside.join(', ') || 'nothing'}`);
  }
  const restored = checkDatabaseFile(dbPath);
  if (restored.state !== 'ok') throw new CoreError('DB_CORRUPT', `the restored database fails its integrity check: ${restored.state === 'damaged' ? restored.problem : 'empty'}`);
  return { restored: chosen, movedAside, skipped };
}

/** `base`, or `base-2`, `base-3` … when a file of that name (or its -wal) exists already. */
function freeName(base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(name) && !existsSync(`${name}-wal`)) return name;
  }
}

function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  // Windows cannot open folders; elsewhere this makes the copy and the renames survive a power cut.
  if (flags === 'r' && process.platform === 'win32') return;
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
