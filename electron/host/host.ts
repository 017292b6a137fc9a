import type Database from 'better-sqlite3';
import type { ApiResult } from '../shared/api-error';
import type { BackupInfo, OpenedFile } from '../shared/dto';

/** Reads the current time. Injected so that tests and the core never call `Date.now()` themselves. */
export type Clock = () => Date;

export interface HostOptions {
  /** Folder holding `pledge-desk.db`, `archive/` and `blobs/`; created if missing. */
  dataDir: string;
  /** Folder holding `fonts/` and `templates/` (the repo's `resources/`, or `process.resourcesPath` when packaged). */
  resourcesDir: string;
  clock?: Clock;
  /**
   * How the UI reads a blob: `/blobs/` in browser mode, `pledge-blob://` in Electron. `archive.get` returns
   * `pdf.url = blobUrlPrefix + blobId`.
   */
  blobUrlPrefix?: string;
  /** Random bytes for ids; injected for reproducible tests. */
  randomBytes?: (n: number) => Uint8Array;
  /** What kind of host this is, reported by `app.info`. */
  mode?: 'desktop' | 'browser' | 'embedded';
  /** Native capabilities only a desktop shell has; methods that need an absent port answer NOT_AVAILABLE. */
  ports?: HostPorts;
  /**
   * Opens the database; tests pass a wrapper to inject storage faults (a tiny `max_page_count` for a full disk,
   * a read-only connection for a read-only folder). Defaults to `openDatabase` from core.
   */
  openDatabase?: (path: string, now: Date) => Database.Database;
  /** Writes a whole file atomically; tests pass a failing one to inject ENOSPC/EROFS on PDFs and blobs. */
  writeFile?: (path: string, bytes: Uint8Array) => void;
  /** The bundled stamping worker; default `stamp-worker.cjs` next to the running bundle, in-process without it. */
  stampWorkerFile?: string;
  /** Where unexpected errors are reported (never sent to the caller). Defaults to stderr. */
  log?: (message: string) => void;
  /**
   * Take the daily automatic database backup when the host starts (default true). One-shot CLI commands
   * take it too, and wait for it (`Host.autoBackup`) before closing.
   */
  autoBackup?: boolean;
  /**
   * Starts the daily check while the host runs: calls `check` every `everyMs` milliseconds and returns what
   * stops it (called by `close`). Default: an `unref()`ed `setInterval`, so it never keeps a process alive.
   * Tests pass a fake that keeps `check` and call it after moving their clock. Not called when `autoBackup`
   * is false.
   */
  scheduleBackups?: (check: () => Promise<BackupInfo | null>, everyMs: number) => () => void;
}

export interface HostPorts {
  /** Asks the user where to save `bytes`; resolves to the chosen path, or null when cancelled. */
  saveFile?: (suggestedName: string, blobId: string) => Promise<string | null>;
  /** Opens the system print dialog for a stored PDF; resolves to false when cancelled. */
  printPdf?: (blobId: string, copies: number) => Promise<boolean>;
}

export interface BlobContent {
  bytes: Uint8Array;
  /** MIME type guessed from the content: `application/pdf`, `image/png`, … */
  contentType: string;
}

/** One running core: what Electron IPC, `pledge serve`, the CLI and the tests all call. */
export interface Host {
  /** Validates `input` against the method's validator, runs it, and never throws. */
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Stores bytes (at most `MAX_BLOB_BYTES`) and returns their content-addressed id (hex SHA-256). */
  putBlob(bytes: Uint8Array): Promise<ApiResult<{ blobId: string }>>;
  /** Reads a blob or an archived PDF by id; null when absent or the id is malformed. */
  readBlob(blobId: string): BlobContent | null;
  /**
   * Reads a file the operating system handed to the app (see `OpenedFiles`) and queues it for
   * `app.openedFiles`. Never throws: an unreadable or unsupported file is queued as `unsupported`.
   */
  openFile(path: string): OpenedFile;
  /** Absolute data folder in use. */
  readonly dataDir: string;
  /**
   * Settles when the start-up backup is done: the new automatic backup, or null when none was due, it was
   * turned off, or it failed (failures are logged). Never rejects. Closing the host aborts a running backup.
   */
  readonly autoBackup: Promise<BackupInfo | null>;
  close(): void;
}
