import { CoreError } from '../errors';

/**
 * The full backup file (`.pledgebackup`): a ZIP holding `manifest.json`, `pledge-desk.db` (an online snapshot
 * of the database, one self-contained file with a rollback journal) and every file of the data folder's
 * `archive/` (signed PDFs, `<sha256>.pdf`) and `scans/` (`<sha256>`). The manifest lists each of those with its
 * size and SHA-256, so that a restore can check all of them before it writes anything. Uploads (`blobs/`),
 * download leftovers (`exports/`) and the database backups (`backups/`) are not in it.
 */
export const FULL_BACKUP_FORMAT = 'pledge-desk-backup';

/** Version of the layout below; a reader refuses a higher one (BACKUP_INVALID) rather than guess. */
export const FULL_BACKUP_FORMAT_VERSION = 1;

export const FULL_BACKUP_EXTENSION = '.pledgebackup';

export const FULL_BACKUP_MANIFEST = 'manifest.json';

/** The database snapshot's name inside the ZIP. */
export const FULL_BACKUP_DATABASE = 'pledge-desk.db';

/** What may be in a full backup besides the manifest: the database, archived PDFs and scans. */
const ENTRY_PATH = /^(?:pledge-desk\.db|archive\/[0-9a-f]{64}\.pdf|scans\/[0-9a-f]{64})$/;

export interface FullBackupFile {
  /** Path inside the ZIP, which is also the path relative to the data folder. */
  path: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
}

export interface FullBackupManifest {
  format: typeof FULL_BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** ISO 8601 instant the snapshot was taken (host clock). */
  createdAt: string;
  /** Highest migration id the database snapshot has applied. */
  schemaVersion: number;
  /** Archive records in the snapshot (for the summary; the restore counts nothing). */
  records: number;
  /** Every file in the ZIP but the manifest, the database first. */
  files: FullBackupFile[];
}

const invalid = (message: string, file?: string): CoreError => new CoreError('BACKUP_INVALID', message, undefined, file === undefined ? undefined : { file });

/**
 * Checks the shape of a parsed manifest: the format and a version this build reads, and a file list of safe,
 * known paths, each once, with a hex SHA-256 and a size, that includes the database. Throws BACKUP_INVALID.
 */
export function parseFullBackupManifest(raw: unknown): FullBackupManifest {
  if (typeof raw !== 'object' || raw === null) throw invalid(`${FULL_BACKUP_MANIFEST} is not an object`, FULL_BACKUP_MANIFEST);
  const m = raw as Record<string, unknown>;
  if (m.format !== FULL_BACKUP_FORMAT) throw invalid(`not a Pledge Desk backup (${FULL_BACKUP_MANIFEST} has no format ${FULL_BACKUP_FORMAT})`, FULL_BACKUP_MANIFEST);
  if (typeof m.formatVersion !== 'number' || !Number.isInteger(m.formatVersion) || m.formatVersion < 1) throw invalid('the backup has no format version', FULL_BACKUP_MANIFEST);
  if (m.formatVersion > FULL_BACKUP_FORMAT_VERSION) {
    throw invalid(`the backup has format version ${m.formatVersion}, written by a newer Pledge Desk; this version reads up to ${FULL_BACKUP_FORMAT_VERSION}`, FULL_BACKUP_MANIFEST);
  }
  if (typeof m.appVersion !== 'string' || typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) {
    throw invalid(`${FULL_BACKUP_MANIFEST} lacks appVersion or createdAt`, FULL_BACKUP_MANIFEST);
  }
  if (!isCount(m.schemaVersion) || !isCount(m.records)) throw invalid(`${FULL_BACKUP_MANIFEST} lacks schemaVersion or records`, FULL_BACKUP_MANIFEST);
  if (!Array.isArray(m.files)) throw invalid(`${FULL_BACKUP_MANIFEST} has no file list`, FULL_BACKUP_MANIFEST);
  const seen = new Set<string>();
  const files: FullBackupFile[] = m.files.map((f: unknown, i) => {
    const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    const path = typeof file.path === 'string' ? file.path : '';
    if (!ENTRY_PATH.test(path)) throw invalid(`file ${i + 1} of ${FULL_BACKUP_MANIFEST} has an unexpected path ${JSON.stringify(file.path)}`, FULL_BACKUP_MANIFEST);
    if (seen.has(path)) throw invalid(`${path} is listed twice`, path);
    seen.add(path);
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256) || !isCount(file.bytes)) throw invalid(`${path} is listed without a SHA-256 or size`, path);
    return { path, sha256: file.sha256, bytes: file.bytes };
  });
  if (!seen.has(FULL_BACKUP_DATABASE)) throw invalid(`the backup holds no ${FULL_BACKUP_DATABASE}`, FULL_BACKUP_MANIFEST);
  return {
    format: FULL_BACKUP_FORMAT,
    formatVersion: m.formatVersion,
    appVersion: m.appVersion,
    createdAt: m.createdAt,
    schemaVersion: m.schemaVersion,
    records: m.records,
    files,
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
