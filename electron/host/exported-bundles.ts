import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import { clearFolder } from './clear-folder';

/**
 * Bundles made by `archive.exportBundle` and registers made by `archive.register` wait in `<dataDir>/exports/`
 * for the renderer to download them (or the CLI to copy them out). They are transient — they may hold personal
 * data — so they are deleted when the host starts, when a record is redacted, and by the CLI right after copying.
 */
export const EXPORTS_DIR = 'exports';

const HEX64 = /^[0-9a-f]{64}$/;

/** What waits in `exports/`: exchange bundles and registers (台账), named `<sha256><extension>`. */
const EXPORT_EXTENSIONS = [BUNDLE_EXTENSION, '.csv', '.xlsx'] as const;

/** Where the exported bundle with this SHA-256 is kept. */
export function exportedBundlePath(dataDir: string, sha256: string): string {
  return exportedFilePath(dataDir, sha256, BUNDLE_EXTENSION);
}

/** Where an exported file (a bundle, or a register as `.csv`/`.xlsx`) with this SHA-256 is kept. */
export function exportedFilePath(dataDir: string, sha256: string, extension: (typeof EXPORT_EXTENSIONS)[number]): string {
  return join(dataDir, EXPORTS_DIR, `${sha256}${extension}`);
}

/** An exported bundle's or register's bytes, or null (also for a malformed id). */
export function readExportedFile(dataDir: string, blobId: string): Uint8Array | null {
  if (!HEX64.test(blobId)) return null;
  for (const extension of EXPORT_EXTENSIONS) {
    const path = exportedFilePath(dataDir, blobId, extension);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  return null;
}

/** Deletes every exported bundle (and leftovers of unfinished exports); best effort, a read-only folder is left as is. */
export function clearExportedBundles(dataDir: string): void {
  clearFolder(join(dataDir, EXPORTS_DIR));
}
