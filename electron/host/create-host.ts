import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupInfo } from '../shared/dto';
import { ArchiveRepository } from '../core/archive/archive-repository';
import { ContentStore } from '../core/archive/content-store';
import { BACKUP_DIR, DATABASE_FILE, listBackups } from '../core/db/backup-files';
import { databaseFileMissing } from '../core/db/check-database-file';
import { openDatabase } from '../core/db/open-database';
import { DraftRepository } from '../core/drafts/draft-repository';
import { ProfileAssetRepository } from '../core/drafts/profile-asset-repository';
import { ProfileRepository } from '../core/drafts/profile-repository';
import { CoreError } from '../core/errors';
import { sniffImage } from '../core/pdf/image-bytes';
import { FONT_FILES } from '../core/pdf/pledge-fonts';
import { TemplateRepository } from '../core/templates/template-repository';
import { AUTO_BACKUP_CHECK_MS, runAutoBackup, scheduleWithInterval } from './auto-backup';
import { checkCall, toFailure } from './call-errors';
import { clearExportedBundles, readExportedFile } from './exported-bundles';
import { HANDLERS, type HostContext } from './handlers';
import { JobRunner } from './job-runner';
import { clearPrintCopies, readPrintCopy } from './print-copies';
import type { BlobContent, Host, HostOptions } from './host';
import { loadBuiltinTemplates } from './load-builtin-templates';
import { OpenedFiles } from './opened-files';
import { createStamper } from './stamping-handlers';
import { startupProblem } from './startup-problem';

/** Largest blob accepted by `blobs.put`: a scanned multi-page pledge fits; a video does not. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;

/** The font every composed pledge is set in, relative to the resources folder. */
export const BODY_FONT = join('fonts', FONT_FILES.body);

/** The title and 一、 heading face (黑). */
export const HEADING_FONT = join('fonts', FONT_FILES.heading);

/**
 * Opens the data folder (database, archive, blobs), seeds the built-in templates, starts the daily automatic
 * backup (see `runAutoBackup`; `Host.autoBackup` settles when it is done) and checks hourly, while it runs,
 * whether the next one is due (`HostOptions.scheduleBackups`; stopped by `close`), and returns the one `dispatch` that
 * every transport calls. Throws a CoreError (DB_NEWER_VERSION, DB_CORRUPT, DB_MISSING, STORAGE_UNAVAILABLE)
 * when the data folder cannot be used, before anything is changed. A damaged database is never replaced:
 * DB_CORRUPT's message and `details` (a `StartupProblem`) name the latest backup and the restore command;
 * DB_MISSING refuses to start a new, empty database where backups show there was one.
 */
export function createHost(options: HostOptions): Host {
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot create the data folder ${dataDir}: ${(error as Error).message}`);
  }
  const dbPath = join(dataDir, DATABASE_FILE);
  if (databaseFileMissing(dbPath) && listBackups(join(dataDir, BACKUP_DIR)).length > 0) {
    throw startupProblem(dataDir, 'DB_MISSING', `the database ${dbPath} is missing or empty, but the data folder holds backups of it`);
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = (options.openDatabase ?? openDatabase)(dbPath, clock());
  } catch (error) {
    if (error instanceof CoreError && error.code === 'DB_CORRUPT') throw startupProblem(dataDir, 'DB_CORRUPT', error.message);
    throw error;
  }
  const templates = new TemplateRepository(db);
  const seededAt = clock();
  // Only write when a built-in template is new: a read-only or full data folder still opens for reading.
  const missing = loadBuiltinTemplates(options.resourcesDir).filter((t) => !templates.has(t.id, t.version));
  if (missing.length > 0) {
    try {
      db.transaction(() => {
        for (const template of missing) templates.save(template, 'builtin', seededAt);
      })();
    } catch (error) {
      db.close();
      throw new CoreError('STORAGE_UNAVAILABLE', `cannot write the database in ${dataDir}: ${(error as Error).message}`);
    }
  }
  let pdfs: ContentStore;
  let blobs: ContentStore;
  try {
    pdfs = new ContentStore(join(dataDir, 'archive'), '.pdf', options.writeFile);
    blobs = new ContentStore(join(dataDir, 'blobs'), '', options.writeFile);
  } catch (error) {
    db.close();
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot create the archive folders in ${dataDir}: ${(error as Error).message}`);
  }
  const stamper = createStamper(options.stampWorkerFile);
  const openedFiles = new OpenedFiles((bytes) => blobs.put(bytes), MAX_BLOB_BYTES);
  const randomBytes = options.randomBytes ?? ((n: number) => new Uint8Array(nodeRandomBytes(n)));
  const jobs = new JobRunner(clock, () => `job_${Buffer.from(randomBytes(8)).toString('hex')}`, (error) => {
    const failure = toFailure(error, dataDir, log);
    return failure.ok ? { code: 'INTERNAL', message: 'an internal error occurred; see the log' } : failure.error;
  });
  let fontBytes: Uint8Array | null = null;
  let headingBytes: Uint8Array | null = null;
  const ctx: HostContext = {
    db,
    templates,
    drafts: new DraftRepository(db),
    profiles: new ProfileRepository(db),
    profileAssets: new ProfileAssetRepository(db),
    archive: new ArchiveRepository(db),
    pdfs,
    // Read on first signing only: it is 15 MB and most sessions never sign.
    font: () => (fontBytes ??= new Uint8Array(readFileSync(join(options.resourcesDir, BODY_FONT)))),
    headingFont: () => (headingBytes ??= new Uint8Array(readFileSync(join(options.resourcesDir, HEADING_FONT)))),
    putBlob: (bytes) => blobs.put(bytes),
    stamper,
    clock,
    randomBytes,
    blobUrlPrefix: options.blobUrlPrefix ?? '/blobs/',
    readBlob: (blobId) => blobs.get(blobId),
    openedFiles,
    mode: options.mode ?? 'embedded',
    dataDir,
    ports: options.ports ?? {},
    jobs,
  };
  let closed = false;
  // Bundles left for download and copies left for printing by the previous run may hold personal data: they do not outlive it.
  clearExportedBundles(dataDir);
  clearPrintCopies(dataDir);
  const autoBackup = options.autoBackup === false ? Promise.resolve(null) : runAutoBackup(db, dataDir, clock(), log, () => closed);
  // While the app runs: the same check every hour, one at a time, so a window left open for a week still
  // takes its daily backup (and keeps the last 7).
  let running: Promise<BackupInfo | null> = autoBackup;
  const dailyCheck = (): Promise<BackupInfo | null> => {
    running = running.then(() => (closed ? null : runAutoBackup(db, dataDir, clock(), log, () => closed)));
    return running;
  };
  const stopDaily = options.autoBackup === false ? () => undefined : (options.scheduleBackups ?? scheduleWithInterval)(dailyCheck, AUTO_BACKUP_CHECK_MS);

  return {
    dataDir,
    autoBackup,
    async dispatch(method, input) {
      if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'the host is closed' } };
      const call = checkCall(method, input);
      if (!call.ok) return call;
      try {
        const handler = HANDLERS[call.method] as (input: unknown, ctx: HostContext) => unknown;
        return { ok: true, value: await handler(call.input, ctx) };
      } catch (error) {
        return toFailure(error, dataDir, log);
      }
    },
    async putBlob(bytes) {
      if (bytes.length > MAX_BLOB_BYTES) {
        return { ok: false, error: { code: 'BLOB_TOO_LARGE', message: `blobs are limited to ${MAX_BLOB_BYTES} bytes` } };
      }
      try {
        return { ok: true, value: { blobId: blobs.put(bytes) } };
      } catch (error) {
        return toFailure(error, dataDir, log);
      }
    },
    openFile: (path) => openedFiles.offer(path),
    readBlob(blobId): BlobContent | null {
      // Scans too: a record imported from a bundle has its scans in scans/ only, without the upload.
      const bytes = pdfs.get(blobId) ?? blobs.get(blobId) ?? readScanFile(dataDir, blobId) ?? readExportedFile(dataDir, blobId) ?? readPrintCopy(dataDir, blobId);
      if (!bytes) return null;
      return { bytes, contentType: contentTypeOf(bytes) };
    },
    close() {
      if (closed) return;
      closed = true;
      jobs.close();
      stopDaily();
      stamper.close();
      db.close();
    },
  };
}

/** A stored scan by SHA-256, read without creating the scans folder; null when absent. */
function readScanFile(dataDir: string, sha: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(sha)) return null;
  try {
    return new Uint8Array(readFileSync(join(dataDir, 'scans', sha)));
  } catch {
    return null;
  }
}

function contentTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'application/pdf';
  const image = sniffImage(bytes);
  if (image) return `image/${image}`;
  return 'application/octet-stream';
}
