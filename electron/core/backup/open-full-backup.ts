import { CoreError } from '../errors';
import { ZipFormatError, ZipReader } from '../exchange/zip-reader';
import { sha256Hex } from '../util/sha256-hex';
import { FULL_BACKUP_MANIFEST, type FullBackupManifest, parseFullBackupManifest } from './full-backup-format';

/** Largest manifest read: ~150 bytes a file, far above a million files. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** Largest single entry (the database, or one PDF) read: what one Buffer may hold. */
const MAX_ENTRY_BYTES = 2 ** 31 - 1;

/** A full backup whose every listed file was read and matched its size and SHA-256. */
export interface VerifiedFullBackup {
  manifest: FullBackupManifest;
  /** Reads a listed file again and checks its SHA-256 once more (the file may have changed since). */
  readFile(path: string): Uint8Array;
  close(): void;
}

const invalid = (message: string, file?: string): CoreError => new CoreError('BACKUP_INVALID', message, undefined, file === undefined ? undefined : { file });

/**
 * Opens a `.pledgebackup` and checks all of it before the caller writes anything: the ZIP structure, the
 * manifest (`parseFullBackupManifest`), every listed file present with its size, CRC-32 and SHA-256, and no
 * file that is not listed. Throws BACKUP_INVALID naming the bad entry (`details.file`).
 */
export function openFullBackup(path: string): VerifiedFullBackup {
  let reader: ZipReader;
  try {
    reader = ZipReader.open(path);
  } catch (error) {
    if (error instanceof ZipFormatError) throw invalid(`not a readable backup file: ${error.message}`);
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw invalid(`cannot read ${path} (${code})`);
    throw error;
  }
  try {
    const manifest = verify(reader);
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    return {
      manifest,
      readFile: (file) => {
        const entry = reader.entry(file);
        const expected = listed.get(file);
        if (!entry || !expected) throw invalid(`the backup has no file ${file}`, file);
        const bytes = readEntry(reader, file, MAX_ENTRY_BYTES);
        if (sha256Hex(bytes) !== expected.sha256) throw invalid(`${file} does not match its SHA-256: the backup file was altered`, file);
        return bytes;
      },
      close: () => reader.close(),
    };
  } catch (error) {
    reader.close();
    throw error;
  }
}

function verify(reader: ZipReader): FullBackupManifest {
  if (!reader.entry(FULL_BACKUP_MANIFEST)) throw invalid(`not a Pledge Desk backup: there is no ${FULL_BACKUP_MANIFEST}`, FULL_BACKUP_MANIFEST);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readEntry(reader, FULL_BACKUP_MANIFEST, MAX_MANIFEST_BYTES)));
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw invalid(`${FULL_BACKUP_MANIFEST} is not JSON: ${(error as Error).message}`, FULL_BACKUP_MANIFEST);
  }
  const manifest = parseFullBackupManifest(raw);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const entry of reader.entries) {
    if (entry.name !== FULL_BACKUP_MANIFEST && !listed.has(entry.name)) throw invalid(`${entry.name} is in the backup but not in its manifest`, entry.name);
  }
  for (const file of manifest.files) {
    const entry = reader.entry(file.path);
    if (!entry) throw invalid(`${file.path} is missing from the backup`, file.path);
    if (entry.size !== file.bytes) throw invalid(`${file.path} has ${entry.size} bytes, the manifest says ${file.bytes}`, file.path);
    const bytes = readEntry(reader, file.path, MAX_ENTRY_BYTES);
    if (sha256Hex(bytes) !== file.sha256) throw invalid(`${file.path} does not match its SHA-256: the backup file was altered`, file.path);
    // A content-addressed file must also hash to its name, or it would be stored under a lie.
    const named = /[0-9a-f]{64}/.exec(file.path)?.[0];
    if (named !== undefined && named !== file.sha256) throw invalid(`${file.path} is listed with another hash than its name`, file.path);
  }
  return manifest;
}

/** One entry's bytes; a ZIP-level fault (bad CRC, truncated, cannot inflate) becomes BACKUP_INVALID naming it. */
function readEntry(reader: ZipReader, name: string, maxBytes: number): Uint8Array {
  const entry = reader.entry(name);
  if (!entry) throw invalid(`the backup has no file ${name}`, name);
  try {
    return reader.read(entry, maxBytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw invalid(`${name} is damaged: ${error.message}`, name);
    throw error;
  }
}
