import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentStore } from '../core/archive/content-store';
import { clearFolder } from './clear-folder';

/**
 * Copies marked "副本" for printing wait in `<dataDir>/prints/`, named by their SHA-256, for the print window
 * or the browser to load through the blob route. They are transient (they show personal data, and the
 * archived original is the record): a desktop print deletes its copy once the dialog closes; the rest are
 * deleted when the host starts and when a record is redacted.
 */
export const PRINTS_DIR = 'prints';

const HEX64 = /^[0-9a-f]{64}$/;

/** The store marked copies are written to (atomically; created on first use). */
export function printCopyStore(dataDir: string): ContentStore {
  return new ContentStore(join(dataDir, PRINTS_DIR), '.pdf');
}

/** A marked copy's bytes, or null (also for a malformed id); never creates the folder. */
export function readPrintCopy(dataDir: string, blobId: string): Uint8Array | null {
  if (!HEX64.test(blobId)) return null;
  const path = join(dataDir, PRINTS_DIR, `${blobId}.pdf`);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

/** Deletes every marked copy waiting to be printed. */
export function clearPrintCopies(dataDir: string): void {
  clearFolder(join(dataDir, PRINTS_DIR));
}
