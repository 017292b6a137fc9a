import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import { FULL_BACKUP_EXTENSION } from '../core/backup/full-backup-format';
import { clearFolder } from './clear-folder';

/**
 * Bundles made by `archive.exportBundle`, registers made by `archive.register` and full backups made by
 * `backup.export` wait in `<dataDir>/exports/` for the renderer to download them (or the CLI to copy them out).
 * They are transient — they may hold personal data — so they are deleted when the host starts, when a record is
 * redacted, and by the CLI (or the desktop save) right after copying.
 */
export const EXPORTS_DIR = 'exports';

const HEX64 = /^[0-9a-f]{64}$/;

/** What waits in `exports/`: exchange bundles, registers (台账) and full backups, named `<sha256><extension>`. */
const EXPORT_EXTENSIONS = [BUNDLE_EXTENSION, '.csv', '.xlsx', FULL_BACKUP_EXTENSION] as const;

/** Where the full backup with this SHA-256 is kept until it is downloaded. */
export function exportedBackupPath(dataDir: string, sha256: string): string {
  return exportedFilePath(dataDir, sha256, FULL_BACKUP_EXTENSION);
}

/** Where the exported bundle with this SHA-256 is kept. */
export function exportedBundlePath(dataDir: string, sha256: string): string {
  return exportedFilePath(dataDir, sha256, BUNDLE_EXTENSION);
}

/** Where an exported file (a bundle, a register as `.csv`/`.xlsx`, a full backup) with this SHA-256 is kept. */
export function exportedFilePath(dataDir: string, sha256: string, extension: (typeof EXPORT_EXTENSIONS)[number]): string {
  return join(dataDir, EXPORTS_DIR, `${sha256}${extension}`);
}

/** An exported bundle's, register's or full backup's bytes, or null (also for a malformed id). */
export function readExportedFile(dataDir: string, blobId: string): Uint8Array | null {
  if (!HEX64.test(blobId)) return null;
  for (const extension of EXPORT_EXTENSIONS) {
    const path = exportedFilePath(dataDir, blobId, extension);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  return null;
}

/** The extension of the exported file with this SHA-256 (`.pledgebundle`, `.csv` …), or null when none waits. */
export function exportedFileExtension(dataDir: string, blobId: string): (typeof EXPORT_EXTENSIONS)[number] | null {
  if (!HEX64.test(blobId)) return null;
  return EXPORT_EXTENSIONS.find((extension) => existsSync(exportedFilePath(dataDir, blobId, extension))) ?? null;
}

/** Deletes every exported bundle (and leftovers of unfinished exports); best effort, a read-only folder is left as is. */
export function clearExportedBundles(dataDir: string): void {
  clearFolder(join(dataDir, EXPORTS_DIR));
}
