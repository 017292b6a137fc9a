import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { OpenedFile } from '../shared/dto';

/** Files handed to the app by the operating system (file associations, "Open with", a second launch). */
export const MAX_OPENED_FILES = 20;

/** What a file's bytes say it is: only PDFs and bundles (zips) are opened; anything else is refused by name. */
export function classifyOpenedFile(name: string, bytes: Uint8Array): 'pdf' | 'bundle' | null {
  // The zip test comes first: a bundle stores its PDFs uncompressed, so `%PDF-` shows up in its first kilobyte.
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip) return /\.pledgebundle$/i.test(name) ? 'bundle' : null;
  // Readers accept a PDF header anywhere in the first 1024 bytes (ISO 32000-1, 7.5.2 implementation note).
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-') ? 'pdf' : null;
}

/**
 * The inbox of opened files: the shell (or `pledge serve --open`) offers paths, the renderer takes what
 * arrived with `app.openedFiles`. A file is read and stored as a blob at once, so the renderer never needs its
 * path (the sandboxed page cannot read paths anyway). Bounded: a flood of launches keeps the newest
 * `MAX_OPENED_FILES`. Never throws: a file that cannot be read or is not a PDF or bundle arrives as an
 * `unsupported` entry naming the problem, so the user learns why nothing opened.
 */
export class OpenedFiles {
  private queue: OpenedFile[] = [];

  constructor(
    private readonly putBlob: (bytes: Uint8Array) => string,
    private readonly maxBytes: number,
  ) {}

  /** Reads `path` and queues it for the renderer; returns what was queued. */
  offer(path: string): OpenedFile {
    const fileName = basename(path);
    const entry = this.read(path, fileName);
    this.queue.push(entry);
    if (this.queue.length > MAX_OPENED_FILES) this.queue.splice(0, this.queue.length - MAX_OPENED_FILES);
    return entry;
  }

  /** Everything offered since the last call, oldest first; the inbox is empty afterwards. */
  take(): OpenedFile[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  private read(path: string, fileName: string): OpenedFile {
    let bytes: Uint8Array;
    try {
      const size = statSync(path).size;
      if (size > this.maxBytes) return { kind: 'unsupported', fileName, problem: 'too-large' };
      bytes = new Uint8Array(readFileSync(path));
    } catch {
      return { kind: 'unsupported', fileName, problem: 'unreadable' };
    }
    const kind = classifyOpenedFile(fileName, bytes);
    if (kind === null) return { kind: 'unsupported', fileName, problem: 'not-pdf-or-bundle' };
    try {
      return { kind, fileName, blobId: this.putBlob(bytes) };
    } catch {
      return { kind: 'unsupported', fileName, problem: 'unreadable' };
    }
  }
}
