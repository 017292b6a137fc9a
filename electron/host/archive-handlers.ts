import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveEvent, ArchiveScan, VerifyAllResult } from '../shared/dto';
import { scanFileName } from '../shared/scan-file-name';
import { attachScan } from '../core/archive/attach-scan';
import { ContentStore } from '../core/archive/content-store';
import { recordAccessEvent, assertNotRedacted } from '../core/archive/record-access-event';
import { recordReveal } from '../core/archive/record-reveal';
import { redactRecord } from '../core/archive/redact-record';
import { searchArchive } from '../core/archive/search-archive';
import { supersedeRecord } from '../core/archive/supersede-record';
import { verifyArchiveSteps } from '../core/archive/verify-archive';
import { verifyCode } from '../core/archive/verify-code';
import { verifyFile } from '../core/archive/verify-file';
import { voidRecord } from '../core/archive/void-record';
import { CoreError } from '../core/errors';
import { replaceBackupsAfterErasure } from './auto-backup';
import { clearExportedBundles } from './exported-bundles';
import type { Handlers, HostContext } from './handlers';
import { type JobSteps, runYielding } from './job-runner';
import { clearPrintCopies } from './print-copies';

type ArchiveMethods =
  | 'archive.get'
  | 'archive.export'
  | 'archive.saveScan'
  | 'archive.search'
  | 'archive.void'
  | 'archive.redact'
  | 'archive.attachScan'
  | 'archive.supersede'
  | 'archive.verify'
  | 'archive.verifyCode'
  | 'archive.verifyAll';

/** Scans of wet-ink copies live apart from uploads, under `scans/`, named by SHA-256 (created on first use). */
export const scanStore = (ctx: HostContext): ContentStore => new ContentStore(join(ctx.dataDir, 'scans'), '');
/** Uploads (`blobs.put`) under `blobs/`. */
export const uploadStore = (ctx: HostContext): ContentStore => new ContentStore(join(ctx.dataDir, 'blobs'), '');

/** Reads scans without creating their folder, so that a read-only data folder can still be verified. */
export function readScan(ctx: HostContext, sha: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(sha)) return null;
  try {
    return new Uint8Array(readFileSync(join(ctx.dataDir, 'scans', sha)));
  } catch {
    return null;
  }
}

function contentTypeOf(bytes: Uint8Array): ArchiveScan['contentType'] | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'application/pdf';
  return null;
}

function scansOf(events: readonly ArchiveEvent[], ctx: HostContext): ArchiveScan[] {
  return events
    .filter((e) => e.kind === 'scan-attached')
    .map((e) => ({
      sha256: String(e.details.sha256),
      bytes: Number(e.details.bytes),
      contentType: String(e.details.contentType),
      at: e.at,
      url: `${ctx.blobUrlPrefix}${String(e.details.sha256)}`,
    }));
}

function readUpload(ctx: HostContext, blobId: string): Uint8Array {
  const bytes = ctx.readBlob(blobId);
  if (!bytes) throw new CoreError('BLOB_NOT_FOUND', `no blob ${blobId}`, 'blobId');
  return bytes;
}

/** The archive's handlers: records, search, events, verification. Inputs arrive validated by `dispatch`. */
export const ARCHIVE_HANDLERS: Pick<Handlers, ArchiveMethods> = {
  'archive.get': (input, ctx) => {
    // Logged first, so that the answer lists its own `revealed` event. An embedded host is the `pledge` CLI's.
    if (input.reveal === true) recordReveal(ctx.db, { id: input.id, via: ctx.mode === 'embedded' ? 'cli' : 'app', at: ctx.clock().toISOString() });
    const { fileBytes, ...record } = ctx.archive.get(input.id, { reveal: input.reveal === true });
    return {
      ...record,
      pdf: { blobId: record.fileSha256, url: `${ctx.blobUrlPrefix}${record.fileSha256}`, bytes: fileBytes },
      scans: record.status === 'redacted' ? [] : scansOf(record.events, ctx),
    };
  },
  'archive.export': async (input, ctx) => {
    const record = ctx.archive.get(input.id);
    assertNotRedacted(ctx.db, input.id);
    if (!ctx.ports.saveFile) throw new CoreError('NOT_AVAILABLE', 'this host has no save dialog; download the PDF instead');
    const path = await ctx.ports.saveFile(`${plainFileName(record.title)}-${record.id}.pdf`, record.fileSha256);
    if (path !== null) recordAccessEvent(ctx.db, { id: input.id, kind: 'exported', at: ctx.clock().toISOString(), details: {} });
    return { path };
  },
  'archive.saveScan': async (input, ctx) => {
    const record = ctx.archive.get(input.id);
    assertNotRedacted(ctx.db, input.id);
    const scans = scansOf(record.events, ctx);
    const index = scans.findIndex((scan) => scan.sha256 === input.sha256);
    if (index < 0) throw new CoreError('BLOB_NOT_FOUND', `record ${record.id} has no scan ${input.sha256}`, 'sha256');
    if (!ctx.ports.saveFile) throw new CoreError('NOT_AVAILABLE', 'this host has no save dialog; download the scan instead');
    const path = await ctx.ports.saveFile(scanFileName(record.id, index + 1, (scans[index] as ArchiveScan).contentType), input.sha256);
    if (path !== null) recordAccessEvent(ctx.db, { id: input.id, kind: 'exported', at: ctx.clock().toISOString(), details: { scan: input.sha256 } });
    return { path };
  },
  'archive.search': (input, ctx) => searchArchive(ctx.db, input),
  'archive.void': (input, ctx) => ({ event: voidRecord(ctx.db, { id: input.id, reason: input.reason, at: ctx.clock().toISOString() }) }),
  'archive.redact': async (input, ctx) => {
    const { event, files } = redactRecord(ctx.db, { id: input.id, reason: input.reason, at: ctx.clock().toISOString() });
    let erasedFiles = 0;
    if (files.pdf !== null && ctx.pdfs.remove(files.pdf)) erasedFiles++;
    const scans = scanStore(ctx);
    const uploads = uploadStore(ctx);
    for (const sha of files.scans) {
      if (scans.remove(sha)) erasedFiles++;
      uploads.remove(sha);
    }
    // Out of the write-ahead log too, not only out of the tables.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    // Bundles waiting for download, copies waiting to be printed, and the backups may carry the erased data.
    clearExportedBundles(ctx.dataDir);
    clearPrintCopies(ctx.dataDir);
    await replaceBackupsAfterErasure(ctx.db, ctx.dataDir, ctx.clock());
    return { event, erasedFiles };
  },
  'archive.attachScan': (input, ctx) => {
    ctx.archive.row(input.id);
    assertNotRedacted(ctx.db, input.id);
    const bytes = readUpload(ctx, input.blobId);
    const contentType = contentTypeOf(bytes);
    if (!contentType) throw new CoreError('FILE_UNSUPPORTED', 'a scan must be a PNG or JPEG picture or a PDF', 'blobId');
    const sha256 = scanStore(ctx).put(bytes);
    const at = ctx.clock().toISOString();
    const event = attachScan(ctx.db, { id: input.id, scan: { sha256, bytes: bytes.length, contentType }, at });
    return { event, scan: { sha256, bytes: bytes.length, contentType, at, url: `${ctx.blobUrlPrefix}${sha256}` } };
  },
  'archive.supersede': (input, ctx) => ({
    event: ctx.db
      .transaction(() => supersedeRecord(ctx.db, { id: input.id, by: input.by, ...(input.reason ? { reason: input.reason } : {}), at: ctx.clock().toISOString() }))
      .immediate(),
  }),
  'archive.verify': (input, ctx) => verifyFile(ctx.db, readUpload(ctx, input.blobId)),
  'archive.verifyCode': (input, ctx) => verifyCode(ctx.db, input.code),
  'archive.verifyAll': (_input, ctx) => runYielding(verifyAllSteps(ctx)),
};

/**
 * `verifyArchiveSteps` as job steps: `done`/`total` count events walked plus records checked, the phase
 * numbers count within the chain or the records.
 */
export function* verifyAllSteps(ctx: HostContext): JobSteps<VerifyAllResult> {
  const steps = verifyArchiveSteps(ctx.db, { readPdf: (sha) => ctx.pdfs.get(sha), readScan: (sha) => readScan(ctx, sha) });
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const p = next.value;
    yield { phase: p.phase, done: p.overallDone, total: p.overallTotal, phaseDone: p.done, phaseTotal: p.total };
  }
}

/** A title as a file name: no folder separators or characters Windows reserves (titles come from imports). */
export function plainFileName(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || '承诺书';
}
