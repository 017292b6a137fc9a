import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { snapshotDatabase } from '../db/snapshot-database';
import { ZipWriter } from '../exchange/zip-writer';
import { sha256Hex } from '../util/sha256-hex';
import {
  FULL_BACKUP_DATABASE,
  FULL_BACKUP_FORMAT,
  FULL_BACKUP_FORMAT_VERSION,
  FULL_BACKUP_MANIFEST,
  type FullBackupFile,
  type FullBackupManifest,
} from './full-backup-format';

export interface WriteFullBackupInput {
  /** The data folder whose `archive/` and `scans/` files go into the backup. */
  dataDir: string;
  /** The file to write; replaced atomically when it exists. */
  path: string;
  /** The host clock's now: the manifest's `createdAt` and every entry's time stamp. */
  now: Date;
  appVersion: string;
}

export interface WrittenFullBackup {
  /** Size of the backup file in bytes. */
  bytes: number;
  /** SHA-256 of the backup file. */
  sha256: string;
  manifest: FullBackupManifest;
}

const CONTENT_NAME = { archive: /^[0-9a-f]{64}\.pdf$/, scans: /^[0-9a-f]{64}$/ } as const;

/**
 * Writes a full backup (see `full-backup-format.ts`) of the open database and the data folder's archived
 * PDFs and scans to `path`. The database goes in as an online snapshot (`snapshotDatabase`, checked with
 * `quick_check`), taken first; the folders are listed after it, so every file a snapshot row names is there
 * (the archive only grows; a file added meanwhile is harmless). Files whose names are not content hashes
 * (temporary files of a write in progress) are left out. The ZIP is written to a temporary file next to
 * `path`, flushed, and renamed into place: `path` is either the whole new backup or untouched.
 */
export async function writeFullBackup(db: Database.Database, input: WriteFullBackupInput): Promise<WrittenFullBackup> {
  const tag = randomBytes(6).toString('hex');
  const snapshot = join(dirname(input.path), `.${basename(input.path)}.${tag}.db.tmp`);
  const zipTmp = join(dirname(input.path), `.${basename(input.path)}.${tag}.tmp`);
  await snapshotDatabase(db, snapshot);
  let writer: ZipWriter | null = null;
  try {
    const dbBytes = new Uint8Array(readFileSync(snapshot));
    const facts = readSnapshotFacts(snapshot);
    rmSync(snapshot, { force: true });
    writer = new ZipWriter(zipTmp, input.now);
    const files: FullBackupFile[] = [];
    const add = (path: string, bytes: Uint8Array, compress: boolean): void => {
      (writer as ZipWriter).add(path, bytes, { compress });
      files.push({ path, sha256: sha256Hex(bytes), bytes: bytes.length });
    };
    add(FULL_BACKUP_DATABASE, dbBytes, true);
    for (const folder of ['archive', 'scans'] as const) {
      for (const name of listContent(join(input.dataDir, folder), CONTENT_NAME[folder])) {
        // PDFs and pictures are compressed already: stored as they are.
        add(`${folder}/${name}`, new Uint8Array(readFileSync(join(input.dataDir, folder, name))), false);
      }
    }
    const manifest: FullBackupManifest = {
      format: FULL_BACKUP_FORMAT,
      formatVersion: FULL_BACKUP_FORMAT_VERSION,
      appVersion: input.appVersion,
      createdAt: input.now.toISOString(),
      schemaVersion: facts.schemaVersion,
      records: facts.records,
      files,
    };
    // Stored, not deflated: a person can read it with any ZIP tool, or even a text viewer.
    writer.add(FULL_BACKUP_MANIFEST, new TextEncoder().encode(JSON.stringify(manifest, null, 1)), { compress: false });
    const { bytes, sha256 } = writer.finish();
    renameSync(zipTmp, input.path);
    return { bytes, sha256, manifest };
  } catch (error) {
    rmSync(snapshot, { force: true });
    if (writer) writer.abort();
    rmSync(zipTmp, { force: true });
    throw error;
  }
}

/** Content-addressed files in `dir`, sorted (so that two backups of the same data list them alike); none when absent. */
function listContent(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).sort();
}

/** The snapshot's schema version and record count, read from the snapshot itself (not the live database). */
function readSnapshotFacts(path: string): { schemaVersion: number; records: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const schemaVersion = (db.prepare('SELECT max(id) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    const records = db.prepare('SELECT count(*) FROM archive').pluck().get() as number;
    return { schemaVersion, records };
  } finally {
    db.close();
  }
}
