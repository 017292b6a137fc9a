import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import { appendEvent } from '../core/archive/append-event';
import { CoreError } from '../core/errors';
import { exportBundle } from '../core/exchange/export-bundle';
import { importBundle } from '../core/exchange/import-bundle';
import { openBundle } from '../core/exchange/open-bundle';
import { APP_VERSION } from './app-version';
import { readScan, scanStore, uploadStore } from './archive-handlers';
import { EXPORTS_DIR, exportedBundlePath } from './exported-bundles';
import type { Handlers } from './handlers';

/** The exchange bundle handlers: `.pledgebundle` out and in. Inputs arrive validated by `dispatch`. */
export const BUNDLE_HANDLERS: Pick<Handlers, 'archive.exportBundle' | 'archive.importBundle'> = {
  'archive.exportBundle': (input, ctx) => {
    const now = ctx.clock();
    const includePersonalData = input.includePersonalData === true;
    const dir = join(ctx.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.export-${randomBytes(6).toString('hex')}.tmp`);
    const bundle = exportBundle(
      ctx.db,
      { ids: input.all ? 'all' : (input.ids ?? []), includePersonalData, appVersion: APP_VERSION, now, path: tmp },
      { readPdf: (sha) => ctx.pdfs.get(sha), readScan: (sha) => readScan(ctx, sha) },
    );
    const path = exportedBundlePath(ctx.dataDir, bundle.sha256);
    try {
      renameSync(tmp, path);
      // The export is an audit event of every record in it, naming the bundle; no event without the file.
      ctx.db
        .transaction(() => {
          for (const id of bundle.ids) appendEvent(ctx.db, { recordId: id, kind: 'exported', at: now.toISOString(), details: { bundle: bundle.sha256, personalData: includePersonalData } });
        })
        .immediate();
    } catch (error) {
      rmSync(tmp, { force: true });
      rmSync(path, { force: true });
      throw error;
    }
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    return { blobId: bundle.sha256, bytes: bundle.bytes, records: bundle.ids.length, fileName: `承诺书-${day}-${bundle.ids.length}${BUNDLE_EXTENSION}` };
  },
  'archive.importBundle': (input, ctx) => {
    const uploads = uploadStore(ctx);
    if (!uploads.has(input.blobId)) throw new CoreError('BLOB_NOT_FOUND', `no blob ${input.blobId}`, 'blobId');
    const bundle = openBundle(uploads.pathOf(input.blobId));
    const scans = scanStore(ctx);
    let result;
    try {
      result = importBundle(ctx.db, bundle, {
        putPdf: (bytes) => ctx.pdfs.put(bytes),
        hasPdf: (sha) => ctx.pdfs.has(sha),
        removePdf: (sha) => void ctx.pdfs.remove(sha),
        putScan: (bytes) => scans.put(bytes),
        hasScan: (sha) => scans.has(sha),
        removeScan: (sha) => void scans.remove(sha),
        now: ctx.clock(),
        bundleSha256: input.blobId,
      });
    } finally {
      bundle.close();
    }
    // The upload is consumed: it may hold personal data, which now lives (erasable) in the archive.
    uploads.remove(input.blobId);
    return result;
  },
};
