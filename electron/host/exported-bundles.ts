import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import { clearFolder } from './clear-folder';

/**
 * Bundles made by `archive.exportBundle` wait in `<dataDir>/exports/` for the renderer to download them (or
 * the CLI to copy them out). They are transient — they may hold personal data — so they are deleted when the
 * host starts, when a record is redacted, and by the CLI right after copying.
 */
export const EXPORTS_DIR = 'exports';

const HEX64 = /^[0-9a-f]{64}$/;

/** Where the exported bundle with this SHA-256 is kept. */
export function exportedBundlePath(dataDir: string, sha256: string): string {
  return join(dataDir, EXPORTS_DIR, `${sha256}${BUNDLE_EXTENSION}`);
}

/** An exported bundle's bytes, or null (also for a malformed id). */
export function readExportedBundle(dataDir: string, blobId: string): Uint8Array | null {
  if (!HEX64.test(blobId)) return null;
  const path = exportedBundlePath(dataDir, blobId);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

/** Deletes every exported bundle (and leftovers of unfinished exports); best effort, a read-only folder is left as is. */
export function clearExportedBundles(dataDir: string): void {
  clearFolder(join(dataDir, EXPORTS_DIR));
}
