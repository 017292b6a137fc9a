import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../shared/dto';
import { backupDatabase } from '../core/db/backup-database';
import { BACKUP_DIR, KEEP_AUTOMATIC_BACKUPS, listBackups, pruneAutomaticBackups } from '../core/db/backup-files';

/** How old the newest automatic backup may be before the host takes another one (at start, or while running). */
export const AUTO_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** How often a running host checks whether the daily backup is due: an app left open for days still gets one a day. */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000;

/** The default `HostOptions.scheduleBackups`: an interval that never keeps the process alive. */
export function scheduleWithInterval(check: () => Promise<unknown>, everyMs: number): () => void {
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The start-up backup: when the newest automatic backup is a day old or more (or none exists, or its time lies
 * in the future of the host clock, which then cannot be trusted to date it), backs the database up into
 * `<dataDir>/backups/` and keeps the newest `KEEP_AUTOMATIC_BACKUPS` automatic ones. Never rejects: a failure
 * (a read-only or full folder, a damaged database) is logged and resolves to null, like a backup not needed;
 * so is an abort because the host closed meanwhile, which is not logged.
 */
export async function runAutoBackup(
  db: Database.Database,
  dataDir: string,
  now: Date,
  log: (message: string) => void,
  isClosed: () => boolean,
): Promise<BackupInfo | null> {
  const dir = join(dataDir, BACKUP_DIR);
  const latest = listBackups(dir).find((b) => b.kind === 'automatic');
  const age = latest ? now.getTime() - Date.parse(latest.createdAt) : Infinity;
  if (age >= 0 && age < AUTO_BACKUP_INTERVAL_MS) return null;
  try {
    const backup = await backupDatabase(db, dir, now, 'automatic');
    pruneAutomaticBackups(dir, KEEP_AUTOMATIC_BACKUPS, backup.name);
    return backup;
  } catch (error) {
    if (!isClosed()) log(`pledge-desk: the automatic backup of ${dataDir} failed: ${(error as Error).message}`);
    return null;
  }
}

/**
 * After an erasure (a redaction), the backups in the data folder still hold the erased personal data. A new
 * automatic backup is taken and, once it exists and passed its check, every older backup is deleted (manual
 * ones too): the archive is append-only, so the new backup holds every record the old ones did, minus what was
 * erased. When the backup fails (a full or read-only folder, or damage found in the database), the old
 * backups are kept — losing them would be worse — and false is returned.
 */
export async function replaceBackupsAfterErasure(db: Database.Database, dataDir: string, now: Date): Promise<boolean> {
  const dir = join(dataDir, BACKUP_DIR);
  let fresh: BackupInfo;
  try {
    fresh = await backupDatabase(db, dir, now, 'automatic');
  } catch {
    return false;
  }
  for (const old of listBackups(dir)) if (old.name !== fresh.name) rmSync(old.path, { force: true });
  return true;
}
