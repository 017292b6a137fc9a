import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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

  pathOf(sha: string): string {
    return join(this.dir, `${sha}${this.extension}`);
  }
}
