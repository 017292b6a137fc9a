import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile } from '../util/atomic-write-file';
import { sha256Hex } from '../util/sha256-hex';

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files: each is named by the hex SHA-256 of its bytes, written atomically, never
 * overwritten (same name ⇒ same bytes). Archived PDFs live in `archive/`, uploads in `blobs/`.
 */
export class ContentStore {
  constructor(
    private readonly dir: string,
    private readonly extension: string,
    private readonly write: (path: string, bytes: Uint8Array) => void = atomicWriteFile,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Stores bytes and returns their SHA-256; a file already present is left as it is. */
  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (!existsSync(path)) this.write(path, bytes);
    return sha;
  }

  /** The bytes stored under `sha`, or null when absent or when `sha` is not 64 lower-case hex digits. */
  get(sha: string): Uint8Array | null {
    if (!HEX64.test(sha)) return null;
    const path = this.pathOf(sha);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }

  /** True when a file is stored under `sha`. */
  has(sha: string): boolean {
    return HEX64.test(sha) && existsSync(this.pathOf(sha));
  }

  /**
   * Deletes the file stored under `sha` (an erasure); true when there was one. Content-addressed names are
   * shared by equal bytes, so callers check that no other record still needs them.
   */
  remove(sha: string): boolean {
    if (!this.has(sha)) return false;
    rmSync(this.pathOf(sha), { force: true });
    return true;
  }

  pathOf(sha: string): string {
    return join(this.dir, `${sha}${this.extension}`);
  }
}
