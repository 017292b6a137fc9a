import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, degrees } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, BrowserPrintResult, FinalizeResult, PrintedDetails, StampResultDto, VerifyAllResult, VerifyResult } from '../../electron/shared/dto';
import { createHost } from '../../electron/host/create-host';
import { SIGNATURES, archiveHost, type ArchiveHost } from '../support/archive-host';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { RESOURCES_DIR } from '../support/paths';
import { pdfText } from '../support/pdf-text';
import { renderPageGray } from '../support/render-page';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, err, ok } from '../support/test-host';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let dataDir: string;
let a: ArchiveHost;
let first: FinalizeResult;
let second: FinalizeResult;
let third: FinalizeResult;

const get = async (id: string): Promise<ArchiveRecord> => ok<ArchiveRecord>(await a.host.dispatch('archive.get', { id }));
const printedDetails = async (id: string): Promise<PrintedDetails[]> =>
  (await get(id)).events.filter((e) => e.kind === 'printed').map((e) => e.details as unknown as PrintedDetails);
/** The local time the mark shows, in the machine's time zone like the host. */
const localMinute = (at: Date): string => {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
};

beforeAll(async () => {
  dataDir = makeTempDir('pledge-print-');
  a = archiveHost(dataDir);
  first = await a.sign();
  second = await a.sign();
  third = await a.sign();
});

afterAll(() => {
  a.host.close();
  removeTempDirs();
});

describe('archive.printInBrowser (browser mode)', () => {
  it('gives the archived PDF to print and records the print as an event', async () => {
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: first.id }));
    expect(res.blobId).toBe(first.fileSha256);
    expect(res.url).toBe(`/blobs/${first.fileSha256}`);
    expect(res.event).toMatchObject({ kind: 'printed', recordId: first.id, at: a.clock().toISOString(), details: { copies: null, copyMark: false, via: 'browser' } });
    expect(res.event.details).not.toHaveProperty('copySha256');
    expect(await printedDetails(first.id)).toEqual([{ copies: null, copyMark: false, via: 'browser' }]);
  });

  it('with copyMark gives a copy marked 副本 with the print time, traceable to its record, and logs it', async () => {
    a.clock.tick(60_000);
    const at = a.clock();
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: second.id, copyMark: true }));
    expect(res.blobId).not.toBe(second.fileSha256);
    expect(res.url).toBe(`/blobs/${res.blobId}`);
    expect(res.event.details).toEqual({ copies: null, copyMark: true, via: 'browser', copySha256: res.blobId });

    // The page loads the copy through the blob route.
    const blob = a.host.readBlob(res.blobId);
    expect(blob?.contentType).toBe('application/pdf');
    const copy = blob?.bytes as Uint8Array;
    expect(sha256(copy)).toBe(res.blobId);
    const file = join(dataDir, 'copy.pdf');
    writeFileSync(file, copy);
    const pages = pdfText(file).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain('副本');
      expect(page.replace(/\s+/g, '')).toContain(`打印于${localMinute(at)}（记录${second.id}）`.replace(/\s+/g, ''));
    }

    // The archived original is untouched, and the copy verifies as a modified copy of its record.
    expect(sha256(a.host.readBlob(second.fileSha256)?.bytes as Uint8Array)).toBe(second.fileSha256);
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(copy));
    const verdict = ok<VerifyResult>(await a.host.dispatch('archive.verify', { blobId }));
    expect(verdict).toMatchObject({ verdict: 'modified-copy', recordId: second.id, contentHashMatches: true });
    // The very file printed is traced to its print event too.
    expect(verdict.details).toContain(`it is the 副本 printed from ${second.id} at ${res.event.at} (audit event ${res.event.seq})`);
    expect(await printedDetails(second.id)).toEqual([{ copies: null, copyMark: true, via: 'browser', copySha256: res.blobId }]);
  });

  it('refuses an erased record, and an erasure deletes the copies waiting to be printed', async () => {
    const victim = await a.sign();
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: victim.id, copyMark: true }));
    expect(a.host.readBlob(res.blobId)).not.toBeNull();
    ok(await a.host.dispatch('archive.redact', { id: victim.id, reason: '当事人申请删除' }));
    expect(a.host.readBlob(res.blobId)).toBeNull();
    expect(readdirSync(join(dataDir, 'prints'))).toEqual([]);
    expect(err(await a.host.dispatch('archive.printInBrowser', { id: victim.id })).code).toBe('ARCHIVE_REDACTED');
    expect(err(await a.host.dispatch('archive.printInBrowser', { id: 'PD-20261128-AAAAAAAA' })).code).toBe('ARCHIVE_NOT_FOUND');
  });
});

describe('a 副本 copy of a stamped outside PDF', () => {
  it('is marked upright at the top right of every page, also a rotated one, and verifies as a copy of its record', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([842, 595]).setRotation(degrees(90));
    const { blobId: source } = ok<{ blobId: string }>(await a.host.putBlob(await doc.save()));
    const stamped = ok<StampResultDto>(
      await a.host.dispatch('stamping.stamp', { blobId: source, fileName: '合作协议.pdf', signer: SIGNER, signature: { png: pngDataUrl(makeSignaturePng()) }, date: '2026-11-28' }),
    );
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: stamped.id, copyMark: true }));
    const copy = a.host.readBlob(res.blobId)?.bytes as Uint8Array;
    const copyFile = join(dataDir, 'stamped-copy.pdf');
    const originalFile = join(dataDir, 'stamped-original.pdf');
    writeFileSync(copyFile, copy);
    writeFileSync(originalFile, a.host.readBlob(stamped.fileSha256)?.bytes as Uint8Array);
    const pages = pdfText(copyFile).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(`（记录${stamped.id}）`);
    for (const page of [1, 2]) {
      // Where the copy differs from the original, as the reader sees the page: only in its top-right corner.
      const before = renderPageGray(originalFile, page, 30, { ghostscript: false });
      const after = renderPageGray(copyFile, page, 30, { ghostscript: false });
      if (!before || !after) throw new Error('pdftoppm could not render the page');
      expect([after.width, after.height]).toEqual([before.width, before.height]);
      let changed = 0;
      for (let i = 0; i < after.pixels.length; i++) {
        if (Math.abs((after.pixels[i] as number) - (before.pixels[i] as number)) <= 40) continue;
        changed++;
        const x = i % after.width;
        const y = Math.floor(i / after.width);
        expect(y / after.height, `page ${page}`).toBeLessThan(0.2);
        expect(x / after.width, `page ${page}`).toBeGreaterThan(0.4);
      }
      expect(changed, `page ${page}`).toBeGreaterThan(20);
    }
    // The stamped PDF names no record itself: the copy's metadata does.
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(copy));
    const verdict = ok<VerifyResult>(await a.host.dispatch('archive.verify', { blobId }));
    expect(verdict).toMatchObject({ verdict: 'modified-copy', recordId: stamped.id, contentHashMatches: true });
  });
});

describe('a 副本 copy of a digitally signed pledge', () => {
  it('is made from the signed original, which stays byte for byte as archived, and verifies as a copy of its record', async () => {
    const identity = ok<{ p12BlobId: string }>(await a.host.dispatch('signing.createIdentity', { commonName: SIGNER.name, passphrase: 'pass-1' }));
    const { id: draftId } = ok<{ id: string }>(await a.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    ok(await a.host.dispatch('drafts.update', { id: draftId, values: VALID_VALUES, signer: SIGNER }));
    const signed = ok<FinalizeResult>(
      await a.host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: '2026-11-28', digitalSignature: { p12BlobId: identity.p12BlobId, passphrase: 'pass-1' } }),
    );
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: signed.id, copyMark: true }));
    const copy = a.host.readBlob(res.blobId)?.bytes as Uint8Array;
    const file = join(dataDir, 'signed-copy.pdf');
    writeFileSync(file, copy);
    for (const page of pdfText(file).split('\f').filter((p) => p.trim() !== '')) expect(page).toContain('副本');
    expect(sha256(a.host.readBlob(signed.fileSha256)?.bytes as Uint8Array)).toBe(signed.fileSha256);
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(copy));
    expect(ok<VerifyResult>(await a.host.dispatch('archive.verify', { blobId }))).toMatchObject({ verdict: 'modified-copy', recordId: signed.id, contentHashMatches: true });
  });
});

describe('archive.print (desktop) with copyMark', () => {
  it('prints the marked copy, logs copies, mark and its hash, then deletes the copy', async () => {
    a.calls.print.length = 0;
    let seenDuringPrint: Uint8Array | null = null;
    const port = a.calls.print;
    a.answers.printed = true;
    const original = port.push.bind(port);
    // Read the file the print window would load, while the print is on.
    port.push = (...items) => {
      seenDuringPrint = a.host.readBlob(items[0]?.[0] ?? '')?.bytes ?? null;
      return original(...items);
    };
    expect(ok(await a.host.dispatch('archive.print', { id: third.id, copies: 2, copyMark: true }))).toEqual({ printed: true });
    port.push = original;
    const [blobId, copies] = a.calls.print[0] as [string, number];
    expect(copies).toBe(2);
    expect(blobId).not.toBe(third.fileSha256);
    expect(seenDuringPrint).not.toBeNull();
    expect(sha256(seenDuringPrint as unknown as Uint8Array)).toBe(blobId);
    expect(a.host.readBlob(blobId)).toBeNull();
    expect(await printedDetails(third.id)).toEqual([{ copies: 2, copyMark: true, via: 'desktop', copySha256: blobId }]);
  });

  it('logs nothing when the dialog is cancelled, and prints the original without copyMark', async () => {
    a.answers.printed = false;
    expect(ok(await a.host.dispatch('archive.print', { id: third.id, copyMark: true }))).toEqual({ printed: false });
    a.answers.printed = true;
    expect(ok(await a.host.dispatch('archive.print', { id: third.id }))).toEqual({ printed: true });
    expect(a.calls.print.at(-1)).toEqual([third.fileSha256, 1]);
    expect(await printedDetails(third.id)).toEqual([
      { copies: 2, copyMark: true, via: 'desktop', copySha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { copies: 1, copyMark: false, via: 'desktop' },
    ]);
  });
});

describe('printing several records in one go', () => {
  it('gives every record its own printed event, each with the 副本 option', async () => {
    const ids = [first.id, second.id, third.id];
    const before = await Promise.all(ids.map(printedDetails));
    // What the print queues do: one call per selected record, in turn.
    for (const id of ids) ok(await a.host.dispatch('archive.printInBrowser', { id, copyMark: true }));
    for (const [i, id] of ids.entries()) {
      const after = await printedDetails(id);
      expect(after).toHaveLength((before[i] as PrintedDetails[]).length + 1);
      expect(after.at(-1)).toMatchObject({ copyMark: true, via: 'browser', copies: null });
    }
  });

  it('keeps the archive sound: every print is in the hash chain', async () => {
    const result = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}));
    expect(result.failures).toEqual([]);
  });
});

describe('copies left for printing', () => {
  it('are deleted when the host starts again', async () => {
    const res = ok<BrowserPrintResult>(await a.host.dispatch('archive.printInBrowser', { id: first.id, copyMark: true }));
    expect(existsSync(join(dataDir, 'prints', `${res.blobId}.pdf`))).toBe(true);
    const again = createHost({ dataDir, resourcesDir: RESOURCES_DIR, autoBackup: false, log: () => undefined });
    try {
      expect(again.readBlob(res.blobId)).toBeNull();
    } finally {
      again.close();
    }
  });
});

describe('a record whose PDF left the data folder', () => {
  it('is not printed, marked or not, and no print is logged', async () => {
    const lost = await a.sign();
    rmSync(join(dataDir, 'archive', `${lost.fileSha256}.pdf`));
    for (const copyMark of [false, true]) {
      expect(err(await a.host.dispatch('archive.printInBrowser', { id: lost.id, copyMark })).code).toBe('ARCHIVE_FILE_MISSING');
    }
    expect(await printedDetails(lost.id)).toEqual([]);
  });
});
