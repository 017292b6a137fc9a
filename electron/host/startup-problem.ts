import { join } from 'node:path';
import type { StartupProblem } from '../shared/dto';
import { BACKUP_DIR, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';

/** The command that restores the latest backup of `dataDir` with the app closed, quoted for a shell. */
export function restoreCommand(dataDir: string): string {
  return `pledge --data-dir ${JSON.stringify(dataDir)} backup restore`;
}

/**
 * The error `createHost` throws when the database cannot be used as it is (damaged, or missing although
 * backups exist): its message says what to do, and `details` (a `StartupProblem` plus `dataDir`) carries the
 * latest backup and the restore command for the UI. Nothing is changed on disk.
 */
export function startupProblem(dataDir: string, code: StartupProblem['code'], message: string): CoreError {
  const latestBackup = listBackups(join(dataDir, BACKUP_DIR))[0] ?? null;
  const command = restoreCommand(dataDir);
  const advice = latestBackup
    ? ` The latest backup is ${latestBackup.name} (taken ${latestBackup.createdAt}); the database was left as it is. To restore the backup, close the app and run: ${command}`
    : ' There is no backup of it in the backups folder; the database was left as it is.';
  const problem: StartupProblem = { code, message, latestBackup, restoreCommand: command };
  return new CoreError(code, `${message}.${advice}`, undefined, { ...problem, dataDir });
}
