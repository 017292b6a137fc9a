import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../../../../electron/core/errors';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { StampError } from '../../../../../electron/core/pdf/stamp/stamp-errors';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { pt } from '../../../../../electron/core/pdf/pdf-units';
import { makeSignaturePng } from '../../../../support/make-png';
import { pdfInfo } from '../../../../support/pdf-text';
import { inkBox, qpdfCheckStatus } from '../../../../support/render-page';
import { FONT, makePdf, renderBytes, tempPdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

const signature = makeSignaturePng();
afterAll(removeTempDirs);

/** A title that breaks naive string handling after decryption: parentheses, a backslash, Chinese. */
const TITLE = 'Pledge (draft) \\ 承诺书';

/** Encrypted with qpdf (an independent, correct encryptor), permissions restricted to printing. */
async function encrypted(userPassword: string, algorithm: 'AES-128' | 'AES-256' | 'RC4-128'): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf([{}, { rotate: 90 }]), { updateMetadata: false });
  doc.setTitle(TITLE);
  const plain = tempPdf(await doc.save({ useObjectStreams: algorithm !== 'RC4-128' }), 'plain.pdf');
  const out = `${plain}.enc.pdf`;
  const bits = algorithm === 'AES-256' ? '256' : '128';
  const extra = algorithm === 'RC4-128' ? ['--use-aes=n'] : algorithm === 'AES-128' ? ['--use-aes=y'] : [];
  const run = spawnSync('qpdf', ['--allow-weak-crypto', '--encrypt', userPassword, 'owner-secret', bits, '--modify=none', ...extra, '--', plain, out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return new Uint8Array(readFileSync(out));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof StampError || error instanceof CoreError ? error.code : `other: ${String(error)}`;
  }
}

describe('stampPdf and encryption', () => {
  for (const algorithm of ['RC4-128', 'AES-128', 'AES-256'] as const) {
    it(`decrypts a file encrypted for permissions only (${algorithm}), stamps it and says so`, async () => {
      const input = await encrypted('', algorithm);
      expect(pdfInfo(tempPdf(input)).Encrypted).toMatch(/^yes/);
      expect((await inspectPdf(input)).encrypted).toBe('permissions-only');
      const result = await stampPdf(input, { signature, date: '2026-11-28', font: FONT });
      expect(result.warnings.map((w) => w.code)).toEqual(['decrypted']);
      const file = tempPdf(result.bytes);
      expect(qpdfCheckStatus(file).status).toBe(0);
      const info = pdfInfo(file);
      expect(info.Encrypted).toBe('no');
      // Strings decrypted with ( ) \ in them survive (they used to come out unescaped and break the file).
      expect(info.Title).toBe(TITLE);
      // The stamp shows: the output is not an encrypted file with plain-text content that viewers garble.
      expect(inkBox(renderBytes(input, 2), renderBytes(result.bytes, 2))).toBeDefined();
    });
  }

  it('refuses a file that needs a password, and stamps it with the right one', async () => {
    const input = await encrypted('user-secret', 'AES-128');
    const error = await stampPdf(input, { signature }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StampError);
    expect(error).toMatchObject({ code: 'PDF_ENCRYPTED', message: expect.stringMatching(/needs a password/) });
    expect(await codeOf(inspectPdf(input))).toBe('PDF_ENCRYPTED');
    expect(await codeOf(stampPdf(input, { signature, password: 'wrong' }))).toBe('PDF_ENCRYPTED');
    expect((await inspectPdf(input, { password: 'user-secret' })).encrypted).toBe('needs-password');
    const result = await stampPdf(input, { signature, password: 'user-secret' });
    expect(result.warnings.map((w) => w.code)).toEqual(['decrypted']);
    expect(pdfInfo(tempPdf(result.bytes)).Encrypted).toBe('no');
  });
});

describe('stampPdf refuses what it cannot stamp, with a clear error', () => {
  it('names non-PDF input', async () => {
    expect(await codeOf(stampPdf(new Uint8Array(0), { signature }))).toBe('PDF_NOT_PDF');
    expect(await codeOf(stampPdf(signature, { signature }))).toBe('PDF_NOT_PDF');
    expect(await codeOf(stampPdf(new TextEncoder().encode('<html>not a pdf</html>'), { signature }))).toBe('PDF_NOT_PDF');
  });

  it('names damaged input: garbage after the header, a truncated file, no pages', async () => {
    expect(await codeOf(stampPdf(new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(500)), { signature }))).toBe('PDF_DAMAGED');
    const whole = await makePdf([{}]);
    expect(await codeOf(stampPdf(whole.subarray(0, 300), { signature }))).toBe('PDF_DAMAGED');
    const empty = await PDFDocument.create();
    expect(await codeOf(stampPdf(await empty.save({ addDefaultPage: false }), { signature }))).toBe('PDF_DAMAGED');
  });

  it('enforces the size cap and the time limit', async () => {
    const input = await makePdf([{}]);
    expect(await codeOf(stampPdf(input, { signature }, { maxBytes: 100 }))).toBe('PDF_TOO_LARGE');
    expect(await codeOf(inspectPdf(input, { maxBytes: 100 }))).toBe('PDF_TOO_LARGE');
    let clock = 0;
    const deadline = { now: () => (clock += 1000), at: 1500 };
    expect(await codeOf(stampPdf(input, { signature }, { deadline }))).toBe('PDF_TIMEOUT');
  });

  it('validates the options before reading the PDF', async () => {
    const input = await makePdf([{}]);
    const field = async (p: Promise<unknown>): Promise<string | undefined> => ((await p.catch((e: unknown) => e)) as CoreError).field;
    expect(await field(stampPdf(input, { signature: new Uint8Array([1, 2, 3]) }))).toBe('signature');
    expect(await field(stampPdf(input, { signature, seal: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]) }))).toBe('seal');
    expect(await field(stampPdf(input, { signature, date: '2026-02-30', font: FONT }))).toBe('date');
    expect(await field(stampPdf(input, { signature, date: '2026-02-03' }))).toBe('font');
    expect(await field(stampPdf(input, { signature, crossPageSeal: true }))).toBe('seal');
    const r = { x: pt(10), y: pt(10), width: pt(50), height: pt(20) };
    expect(await field(stampPdf(input, { signature, placements: [{ page: 2, what: 'signature', rect: r }] }))).toBe('placements[0].page');
    expect(await field(stampPdf(input, { signature, placements: [{ page: 0, what: 'signature', rect: r }] }))).toBe('placements[0].page');
    expect(await field(stampPdf(input, { signature, placements: [{ page: 1, what: 'signature', rect: { ...r, width: pt(0) } }] }))).toBe('placements[0].rect');
    expect(await field(stampPdf(input, { signature, placements: [{ page: 1, what: 'seal', rect: r }] }))).toBe('placements[0].what');
    expect(await field(stampPdf(input, { signature, placements: [{ page: 1, what: 'date', rect: r }] }))).toBe('placements[0].what');
  });

  it('never hands back a file without the stamp: the output is read back and checked', async () => {
    // A PDF whose only page sits under a page tree node pdf-lib does not list: there is nothing to stamp.
    const bytes = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n3 0 obj <</Type/Page/MediaBox[0 0 100 100]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF',
    );
    expect(await codeOf(stampPdf(bytes, { signature }))).toBe('PDF_DAMAGED');
  });
});
