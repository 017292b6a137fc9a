import type { PrintedDetails } from '../shared/dto';
import type { StoredRecord } from '../core/archive/archive-repository';
import { recordAccessEvent, assertNotRedacted } from '../core/archive/record-access-event';
import { CoreError } from '../core/errors';
import { markPrintedCopy } from '../core/pdf/mark-printed-copy';
import type { Handlers, HostContext } from './handlers';
import { printCopyStore } from './print-copies';

/** The file to print: the archived PDF itself, or a copy marked "副本" stored under `prints/`. */
interface PrintFile {
  blobId: string;
  /** Set for a marked copy (its SHA-256, which is also `blobId`). */
  copySha256?: string;
}

/** The record being printed, as `archive.get` read it (once per print). */
type PrintedRecord = Pick<StoredRecord, 'id' | 'fileSha256' | 'contentHash'>;

/** Reads the record to print: ARCHIVE_NOT_FOUND and ARCHIVE_REDACTED come before any other answer. */
function recordToPrint(ctx: HostContext, id: string): PrintedRecord {
  const record = ctx.archive.get(id);
  assertNotRedacted(ctx.db, id);
  return record;
}

/**
 * Makes the file to print for `record` at `at`: the archived PDF itself (only checked to be there), or a copy
 * marked "副本" (the one case that reads the PDF). The mark's local time is the host machine's time zone,
 * where the printer is. @throws ARCHIVE_FILE_MISSING
 */
async function printFile(ctx: HostContext, record: PrintedRecord, copyMark: boolean, at: Date): Promise<PrintFile> {
  const missing = (): CoreError => new CoreError('ARCHIVE_FILE_MISSING', `the PDF ${record.fileSha256} of ${record.id} is missing from the data folder`);
  if (!copyMark) {
    if (!ctx.pdfs.has(record.fileSha256)) throw missing();
    return { blobId: record.fileSha256 };
  }
  const original = ctx.pdfs.get(record.fileSha256);
  if (!original) throw missing();
  const marked = await markPrintedCopy(original, {
    recordId: record.id,
    contentHash: record.contentHash,
    printedAt: at,
    utcOffsetMinutes: -at.getTimezoneOffset(),
    font: ctx.font(),
  });
  const sha = printCopyStore(ctx.dataDir).put(marked);
  return { blobId: sha, copySha256: sha };
}

/** Printing: the desktop's system dialog, and the browser's print. Every print is a `printed` audit event. */
export const PRINT_HANDLERS: Pick<Handlers, 'archive.print' | 'archive.printInBrowser'> = {
  'archive.print': async (input, ctx) => {
    const record = recordToPrint(ctx, input.id);
    if (!ctx.ports.printPdf) throw new CoreError('NOT_AVAILABLE', "this host cannot print; use the browser's print");
    const copies = input.copies ?? 1;
    const copyMark = input.copyMark === true;
    const file = await printFile(ctx, record, copyMark, ctx.clock());
    let printed: boolean;
    try {
      printed = await ctx.ports.printPdf(file.blobId, copies);
    } finally {
      // The print window has loaded and printed (or the user cancelled): the marked copy is not kept.
      if (file.copySha256) printCopyStore(ctx.dataDir).remove(file.copySha256);
    }
    if (printed) {
      const details: PrintedDetails = { copies, copyMark, via: 'desktop', ...(file.copySha256 ? { copySha256: file.copySha256 } : {}) };
      recordAccessEvent(ctx.db, { id: input.id, kind: 'printed', at: ctx.clock().toISOString(), details: { ...details } });
    }
    return { printed };
  },
  'archive.printInBrowser': async (input, ctx) => {
    const at = ctx.clock();
    const copyMark = input.copyMark === true;
    const file = await printFile(ctx, recordToPrint(ctx, input.id), copyMark, at);
    const details: PrintedDetails = { copies: null, copyMark, via: 'browser', ...(file.copySha256 ? { copySha256: file.copySha256 } : {}) };
    const event = recordAccessEvent(ctx.db, { id: input.id, kind: 'printed', at: at.toISOString(), details: { ...details } });
    return { url: `${ctx.blobUrlPrefix}${file.blobId}`, blobId: file.blobId, event };
  },
};
