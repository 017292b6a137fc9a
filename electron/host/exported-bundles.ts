import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import { FULL_BACKUP_EXTENSION } from '../core/backup/full-backup-format';

/**
 * Bundles made by `archive.exportBundle` (and full backups made by `backup.export`) wait in
 * `<dataDir>/exports/` for the renderer to download them (or the CLI to copy them out). They are transient —
 * they may hold personal data — so they are deleted when the host starts, when a record is redacted, and by
 * the CLI (or the desktop save) right after copying.
 */
export const EXPORTS_DIR = 'exports';

const HEX64 = /^[0-9a-f]{64}$/;

/** Where the exported bundle with this SHA-256 is kept. */
export function exportedBundlePath(dataDir: string, sha256: string): string {
  return join(dataDir, EXPORTS_DIR, `${sha256}${BUNDLE_EXTENSION}`);
}

/** Where the full backup with this SHA-256 is kept until it is downloaded. */
export function exportedBackupPath(dataDir: string, sha256: string): string {
  return join(dataDir, EXPORTS_DIR, `${sha256}${FULL_BACKUP_EXTENSION}`);
}

/** An exported bundle's or full backup's bytes, or null (also for a malformed id). */
export function readExportedBundle(dataDir: string, blobId: string): Uint8Array | null {
  if (!HEX64.test(blobId)) return null;
  for (const path of [exportedBundlePath(dataDir, blobId), exportedBackupPath(dataDir, blobId)]) {
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  return null;
}

/** Deletes every exported bundle (and leftovers of unfinished exports); best effort, a read-only folder is left as is. */
export function clearExportedBundles(dataDir: string): void {
  const dir = join(dataDir, EXPORTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // read-only folder: the next start tries again
    }
  }
}
