import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/dto';

/** The database file in a data folder. */
export const DATABASE_FILE = 'pledge-desk.db';

/** The folder of database backups in a data folder. */
export const BACKUP_DIR = 'backups';

/** Automatic backups kept; older ones are deleted when a new one is taken. Manual backups are never pruned. */
export const KEEP_AUTOMATIC_BACKUPS = 7;

/**
 * `pledge-desk-20261128T023000Z.db`, with `-2`, `-3` … for more in the same second, then `-manual` for
 * `backup.create` or `-pre-migration` for the backup taken before a schema upgrade.
 */
const NAME = /^pledge-desk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?(-manual|-pre-migration)?\.db$/;

const SUFFIX: Record<BackupInfo['kind'], string> = { automatic: '', manual: '-manual', 'pre-migration': '-pre-migration' };

/** An instant as a file-name time stamp, UTC: `20261128T023000Z`. */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

interface ParsedName {
  createdAt: Date;
  /** 1 for the first backup of its second, then 2, 3 … */
  n: number;
  kind: BackupInfo['kind'];
}

/** What a backup's name says about it; null for any other file. */
export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(createdAt.getTime()) || backupStamp(createdAt) !== `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`) return null;
  return { createdAt, n: m[7] === undefined ? 1 : Number(m[7]), kind: m[8] === '-manual' ? 'manual' : m[8] === '-pre-migration' ? 'pre-migration' : 'automatic' };
}

/** The backups in `dir`, newest first (by the time in their names); none when the folder does not exist. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: Array<{ info: BackupInfo; n: number }> = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      found.push({ info: { name, path, createdAt: parsed.createdAt.toISOString(), bytes: stat.size, kind: parsed.kind }, n: parsed.n });
    } catch {
      // removed meanwhile
    }
  }
  found.sort((a, b) => (a.info.createdAt < b.info.createdAt ? 1 : a.info.createdAt > b.info.createdAt ? -1 : b.n - a.n));
  return found.map((f) => f.info);
}

/** A name for a backup taken at `at` that no file in `dir` has yet. */
export function nextBackupName(dir: string, at: Date, kind: BackupInfo['kind']): string {
  const taken = new Set(listBackups(dir).map((b) => b.name));
  const suffix = SUFFIX[kind];
  for (let n = 1; ; n++) {
    const name = `pledge-desk-${backupStamp(at)}${n === 1 ? '' : `-${n}`}${suffix}.db`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Deletes automatic backups beyond the newest `keep`, never the one named `protect` (the backup just taken,
 * which a clock set back would otherwise sort last). Returns the names deleted.
 */
export function pruneAutomaticBackups(dir: string, keep: number, protect?: string): string[] {
  const automatic = listBackups(dir).filter((b) => b.kind === 'automatic' && b.name !== protect);
  const room = protect === undefined ? keep : keep - 1;
  const removed: string[] = [];
  for (const backup of automatic.slice(Math.max(room, 0))) {
    rmSync(backup.path, { force: true });
    removed.push(backup.name);
  }
  return removed;
}
