import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { METHODS } from '../shared/api';
import type { ApiResult } from '../shared/api-error';
import { isMethodName } from '../shared/method-names';
import { ArchiveRepository } from '../core/archive/archive-repository';
import { ContentStore } from '../core/archive/content-store';
import { openDatabase } from '../core/db/open-database';
import { DraftRepository } from '../core/drafts/draft-repository';
import { ProfileRepository } from '../core/drafts/profile-repository';
import { CoreError } from '../core/errors';
import { DigitalSignatureError } from '../core/signing/digital/digital-errors';
import { sniffImage } from '../core/pdf/image-bytes';
import { FONT_FILES } from '../core/pdf/pledge-fonts';
import { TemplateRepository } from '../core/templates/template-repository';
import { HANDLERS, type HostContext } from './handlers';
import type { BlobContent, Host, HostOptions } from './host';
import { loadBuiltinTemplates } from './load-builtin-templates';

/** Largest blob accepted by `blobs.put`: a scanned multi-page pledge fits; a video does not. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;

/** The font every composed pledge is set in, relative to the resources folder. */
export const BODY_FONT = join('fonts', FONT_FILES.body);

/** The title and 一、 heading face (黑). */
export const HEADING_FONT = join('fonts', FONT_FILES.heading);

/**
 * Opens the data folder (database, archive, blobs), seeds the built-in templates, and returns the one
 * `dispatch` that every transport calls. Throws a CoreError (DB_NEWER_VERSION, DB_CORRUPT,
 * STORAGE_UNAVAILABLE) when the data folder cannot be used, before anything is changed.
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
  const db = (options.openDatabase ?? openDatabase)(join(dataDir, 'pledge-desk.db'), clock());
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
  let fontBytes: Uint8Array | null = null;
  let headingBytes: Uint8Array | null = null;
  const ctx: HostContext = {
    db,
    templates,
    drafts: new DraftRepository(db),
    profiles: new ProfileRepository(db),
    archive: new ArchiveRepository(db),
    pdfs,
    // Read on first signing only: it is 15 MB and most sessions never sign.
    font: () => (fontBytes ??= new Uint8Array(readFileSync(join(options.resourcesDir, BODY_FONT)))),
    headingFont: () => (headingBytes ??= new Uint8Array(readFileSync(join(options.resourcesDir, HEADING_FONT)))),
    putBlob: (bytes) => blobs.put(bytes),
    clock,
    randomBytes: options.randomBytes ?? ((n) => new Uint8Array(nodeRandomBytes(n))),
    blobUrlPrefix: options.blobUrlPrefix ?? '/blobs/',
    readBlob: (blobId) => blobs.get(blobId),
    mode: options.mode ?? 'embedded',
    dataDir,
    ports: options.ports ?? {},
  };
  let closed = false;

  const fail = (error: unknown): ApiResult<never> => {
    if (error instanceof CoreError || error instanceof DigitalSignatureError) return { ok: false, error: error.toApiError() };
    const code = (error as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      log(`pledge-desk: the database in ${dataDir} is damaged: ${(error as Error).message}`);
      return { ok: false, error: { code: 'DB_CORRUPT', message: 'the database is damaged; restore it from a backup' } };
    }
    if (/^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code) || ['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EIO'].includes(code)) {
      return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: `the data folder cannot be written (${code})` } };
    }
    log(`pledge-desk: internal error: ${(error as Error)?.stack ?? String(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'an internal error occurred; see the log' } };
  };

  return {
    dataDir,
    async dispatch(method, input) {
      if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'the host is closed' } };
      if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no method ${String(method)}` } };
      const parsed = METHODS[method].safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        return {
          ok: false,
          error: { code: 'VALIDATION', message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid input'}`, ...(path ? { field: path } : {}) },
        };
      }
      try {
        const handler = HANDLERS[method] as (input: unknown, ctx: HostContext) => unknown;
        return { ok: true, value: await handler(parsed.data, ctx) };
      } catch (error) {
        return fail(error);
      }
    },
    async putBlob(bytes) {
      if (bytes.length > MAX_BLOB_BYTES) {
        return { ok: false, error: { code: 'BLOB_TOO_LARGE', message: `blobs are limited to ${MAX_BLOB_BYTES} bytes` } };
      }
      try {
        return { ok: true, value: { blobId: blobs.put(bytes) } };
      } catch (error) {
        return fail(error);
      }
    },
    readBlob(blobId): BlobContent | null {
      const bytes = pdfs.get(blobId) ?? blobs.get(blobId);
      if (!bytes) return null;
      return { bytes, contentType: contentTypeOf(bytes) };
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function contentTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'application/pdf';
  const image = sniffImage(bytes);
  if (image) return `image/${image}`;
  return 'application/octet-stream';
}
