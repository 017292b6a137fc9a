import { join } from 'node:path';
import type { StartupProblem } from '../shared/dto';
import { BACKUP_DIR, DATABASE_FILE, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';

/** The command that restores the latest backup of `dataDir` with the app closed, quoted for a shell. */
export function restoreCommand(dataDir: string): string {
  return `pledge --data-dir ${JSON.stringify(dataDir)} backup restore`;
}

/** The start-up failures a backup can repair. */
const RESTORABLE: ReadonlySet<StartupProblem['code']> = new Set(['DB_CORRUPT', 'DB_MISSING']);

/**
 * Whether the system's words (`SQLITE_READONLY`, `EROFS`, `SQLITE_FULL`, `ENOSPC` …) in an error message say
 * the folder is read-only or full; undefined when they say neither.
 */
export function storageReason(message: string): StartupProblem['storage'] {
  if (/SQLITE_FULL|ENOSPC|EDQUOT|disk is full|database or disk is full/i.test(message)) return 'full';
  if (/SQLITE_READONLY|EROFS|EACCES|EPERM|read-only|readonly/i.test(message)) return 'read-only';
  return undefined;
}

/** The `StartupProblem` for a start-up failure of `dataDir` (read now: the latest backup may have changed). */
export function describeStartupProblem(dataDir: string, code: StartupProblem['code'], message: string): StartupProblem {
  const latestBackup = listBackups(join(dataDir, BACKUP_DIR))[0] ?? null;
  const storage = code === 'STORAGE_UNAVAILABLE' || code === 'MIGRATION_BACKUP_FAILED' ? storageReason(message) : undefined;
  return {
    code,
    message,
    ...(storage ? { storage } : {}),
    databasePath: join(dataDir, DATABASE_FILE),
    restorable: RESTORABLE.has(code) && latestBackup !== null,
    latestBackup,
    restoreCommand: restoreCommand(dataDir),
  };
}

/**
 * The error `createHost` throws when the database cannot be used as it is (damaged, or missing although
 * backups exist): its message says what to do, and `details` (a `StartupProblem` plus `dataDir`) carries the
 * latest backup and the restore command for the UI. Nothing is changed on disk.
 */
export function startupProblem(dataDir: string, code: 'DB_CORRUPT' | 'DB_MISSING', message: string): CoreError {
  const problem = describeStartupProblem(dataDir, code, message);
  const { latestBackup } = problem;
  const advice = latestBackup
    ? ` The latest backup is ${latestBackup.name} (taken ${latestBackup.createdAt}); the database was left as it is. To restore the backup, close the app and run: ${problem.restoreCommand}`
    : ' There is no backup of it in the backups folder; the database was left as it is.';
  return new CoreError(code, `${message}.${advice}`, undefined, { ...problem, dataDir });
}
