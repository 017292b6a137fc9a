import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { MethodInput } from '../shared/api';
import { BUNDLE_EXTENSION } from '../shared/bundle-manifest';
import type { BundleExportResult } from '../shared/dto';
import { appendEvent } from '../core/archive/append-event';
import { CoreError } from '../core/errors';
import { type ExportedBundle, exportBundleSteps as writeBundleSteps } from '../core/exchange/export-bundle';
import { importBundle } from '../core/exchange/import-bundle';
import { openBundle } from '../core/exchange/open-bundle';
import { APP_VERSION } from './app-version';
import { readScan, scanStore, uploadStore } from './archive-handlers';
import { EXPORTS_DIR, exportedBundlePath } from './exported-bundles';
import type { Handlers, HostContext } from './handlers';
import { type JobSteps, runToEnd } from './job-runner';

/** The exchange bundle handlers: `.pledgebundle` out and in. Inputs arrive validated by `dispatch`. */
export const BUNDLE_HANDLERS: Pick<Handlers, 'archive.exportBundle' | 'archive.importBundle'> = {
  'archive.exportBundle': (input, ctx) => runToEnd(exportBundleSteps(input, ctx)),
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

/**
 * `archive.exportBundle` as job steps (`done`/`total`: records written): writes the bundle under a temporary
 * name, renames it into `exports/` and appends an `exported` event to every record in it. A job stopped early
 * leaves no file and no event.
 */
export function* exportBundleSteps(input: MethodInput<'archive.exportBundle'>, ctx: HostContext): JobSteps<BundleExportResult> {
  const now = ctx.clock();
  const includePersonalData = input.includePersonalData === true;
  const dir = join(ctx.dataDir, EXPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.export-${randomBytes(6).toString('hex')}.tmp`);
  const steps = writeBundleSteps(
    ctx.db,
    { ids: input.all ? 'all' : (input.ids ?? []), includePersonalData, appVersion: APP_VERSION, now, path: tmp },
    { readPdf: (sha) => ctx.pdfs.get(sha), readScan: (sha) => readScan(ctx, sha) },
  );
  let bundle: ExportedBundle | undefined;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) {
        bundle = next.value;
        break;
      }
      const { done, total } = next.value;
      yield { phase: 'files', done, total, phaseDone: done, phaseTotal: total };
    }
  } finally {
    // Stopped at a yield: closing the inner steps deletes the unfinished ZIP.
    if (!bundle) steps.return(undefined as never);
  }
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
  return { blobId: bundle.sha256, url: `${ctx.blobUrlPrefix}${bundle.sha256}`, bytes: bundle.bytes, records: bundle.ids.length, fileName: `承诺书-${day}-${bundle.ids.length}${BUNDLE_EXTENSION}` };
}
