import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, StandardFonts, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalizeResult, VerifyAllResult, VerifyCodeResult, VerifyResult } from '../../electron/shared/dto';
import { archiveHost, type ArchiveHost } from '../support/archive-host';
import { pdfInfo } from '../support/pdf-text';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { err, ok } from '../support/test-host';

let dataDir: string;
let a: ArchiveHost;
let signed: FinalizeResult;
let original: Uint8Array;
let lastPagePng: Uint8Array;

/** Uploads bytes as the UI does (blob route) and asks archive.verify about them. */
async function verify(bytes: Uint8Array): Promise<VerifyResult> {
  const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(bytes));
  return ok<VerifyResult>(await a.host.dispatch('archive.verify', { blobId }));
}

/** The archived PDF re-saved with pdf-lib after one value was covered and rewritten; metadata and attachment kept. */
async function modifiedCopy(edit: (doc: PDFDocument) => void = () => undefined): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const page = doc.getPage(0);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 300, y: 500, width: 40, height: 14, color: rgb(1, 1, 1) });
  page.drawText('99', { x: 302, y: 502, size: 12, font });
  edit(doc);
  return doc.save();
}

function render(pdfBytes: Uint8Array, page: number, dpi = 150): Uint8Array {
  const dir = makeTempDir('pledge-render-');
  const pdfPath = join(dir, 'in.pdf');
  writeFileSync(pdfPath, pdfBytes);
  const result = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', pdfPath, join(dir, 'page')]);
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  return new Uint8Array(readFileSync(join(dir, 'page.png')));
}

function pngToJpeg(png: Uint8Array, quality = 85): Uint8Array {
  const image = PNG.sync.read(Buffer.from(png));
  return new Uint8Array(jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data);
}

beforeAll(async () => {
  dataDir = makeTempDir('pledge-verify-');
  a = archiveHost(dataDir, 23);
  signed = await a.sign();
  await a.sign();
  original = a.host.readBlob(signed.fileSha256)?.bytes as Uint8Array;
  const path = join(makeTempDir('pledge-verify-pdf-'), 'signed.pdf');
  writeFileSync(path, original);
  lastPagePng = render(original, Number(pdfInfo(path).Pages));
});

afterAll(() => {
  a.host.close();
  removeTempDirs();
});

describe('archive.verify: a PDF', () => {
  it('the archived PDF itself → exact, by its SHA-256', async () => {
    const result = await verify(original);
    expect(result).toMatchObject({ verdict: 'exact', recordId: signed.id, foundBy: 'file-hash', record: { id: signed.id, status: 'valid' } });
  });

  it('the PDF re-saved after one value was changed, metadata kept → modified copy of the record, content hash still as signed', async () => {
    const copy = await modifiedCopy();
    expect(copy).not.toEqual(original);
    const result = await verify(copy);
    expect(result).toMatchObject({ verdict: 'modified-copy', recordId: signed.id, contentHashMatches: true, foundBy: 'evidence' });
    expect(result.details.join('\n')).toMatch(/evidence\.json names/);
    expect(result.details.join('\n')).toMatch(/metadata names/);
  });

  it('a copy whose Keywords carry another content hash → modified copy whose content hash does not match', async () => {
    const copy = await modifiedCopy((doc) => doc.setKeywords(['承诺书', signed.id, `contentHash:${'0'.repeat(64)}`]));
    expect(await verify(copy)).toMatchObject({ verdict: 'modified-copy', recordId: signed.id, contentHashMatches: false });
  });

  it('a copy without the evidence attachment still names the record through its metadata', async () => {
    const copy = await modifiedCopy((doc) => doc.catalog.delete(PDFName.of('Names')));
    expect(await verify(copy)).toMatchObject({ verdict: 'modified-copy', recordId: signed.id, foundBy: 'metadata', contentHashMatches: true });
  });

  it('a PDF that names no pledge → unknown; one naming a record of another archive → unknown, saying so', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('hello');
    expect(await verify(await doc.save())).toMatchObject({ verdict: 'unknown' });
    doc.setSubject('承诺书 PD-20200101-ABCDEFGH');
    const foreign = await verify(await doc.save());
    expect(foreign.verdict).toBe('unknown');
    expect(foreign.details.join('\n')).toContain('PD-20200101-ABCDEFGH is not a record of this archive');
    expect(foreign.recordId).toBeUndefined();
  });

  it('bytes that are neither a PDF nor a picture → FILE_UNSUPPORTED; an unknown blob → BLOB_NOT_FOUND', async () => {
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(new TextEncoder().encode('plain text, not a pledge')));
    expect(err(await a.host.dispatch('archive.verify', { blobId })).code).toBe('FILE_UNSUPPORTED');
    expect(err(await a.host.dispatch('archive.verify', { blobId: 'b'.repeat(64) })).code).toBe('BLOB_NOT_FOUND');
  });
});

describe('archive.verify: a printed copy scanned or photographed (QR decoded locally)', () => {
  it('a PNG of the last page rendered at 150 dpi (pdftoppm) → scan of the record, content hash matching', async () => {
    const result = await verify(lastPagePng);
    expect(result).toMatchObject({ verdict: 'scan', recordId: signed.id, foundBy: 'qr', contentHashMatches: true });
  });

  it('the same page as a JPEG photo', async () => {
    expect(await verify(pngToJpeg(lastPagePng, 70))).toMatchObject({ verdict: 'scan', recordId: signed.id, contentHashMatches: true });
  });

  it('a scanner PDF holding the page as a JPEG image', async () => {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(pngToJpeg(lastPagePng));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    expect(await verify(await doc.save())).toMatchObject({ verdict: 'scan', recordId: signed.id, contentHashMatches: true });
  });

  it('a picture without a QR code → unknown', async () => {
    const first = render(original, 1, 50);
    const result = await verify(first);
    expect(result.verdict).toBe('unknown');
    expect(result.details).toContain('no QR code was found in the picture');
  });
});

describe('archive.verifyCode: the code printed under the QR code', () => {
  const code = (): string => `${signed.id}-${signed.contentHash.slice(0, 12)}`;

  it('the exact code, or typed loosely (case, spaces, a 校验码 label) → match with the record', async () => {
    for (const typed of [code(), code().toLowerCase(), `校验码 ${code().slice(0, 10)} ${code().slice(10)}`]) {
      const result = ok<VerifyCodeResult>(await a.host.dispatch('archive.verifyCode', { code: typed }));
      expect(result, typed).toMatchObject({ verdict: 'match', normalised: code(), record: { id: signed.id } });
    }
  });

  it('a wrong hash part → mismatch; an unknown id → unknown; not a code → unknown', async () => {
    const wrong = `${signed.id}-${signed.contentHash.slice(0, 11)}${signed.contentHash[11] === '0' ? '1' : '0'}`;
    expect(ok<VerifyCodeResult>(await a.host.dispatch('archive.verifyCode', { code: wrong }))).toMatchObject({ verdict: 'mismatch', record: { id: signed.id } });
    expect(ok<VerifyCodeResult>(await a.host.dispatch('archive.verifyCode', { code: `PD-20200101-ABCDEFGH-${'a'.repeat(12)}` }))).toEqual({
      verdict: 'unknown',
      normalised: `PD-20200101-ABCDEFGH-${'a'.repeat(12)}`,
    });
    expect(ok<VerifyCodeResult>(await a.host.dispatch('archive.verifyCode', { code: 'hello' }))).toEqual({ verdict: 'unknown', normalised: null });
  });
});

describe('archive.verifyAll', () => {
  it('passes an untouched archive', async () => {
    expect(ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}))).toMatchObject({ checked: 2, events: 2, failures: [] });
  });

  it('names the record whose PDF was altered on disk (one byte flipped)', async () => {
    const path = join(dataDir, 'archive', `${signed.fileSha256}.pdf`);
    const bytes = readFileSync(path);
    bytes[2000] = (bytes[2000] as number) ^ 0x01;
    writeFileSync(path, bytes);
    const result = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}));
    expect(result.failures).toEqual([{ recordId: signed.id, problem: 'pdf-altered', message: expect.stringContaining(signed.fileSha256) }]);
  });
});
