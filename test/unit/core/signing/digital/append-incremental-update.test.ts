import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { appendIncrementalUpdate } from '../../../../../electron/core/signing/digital/append-incremental-update';
import { DigitalSignatureError } from '../../../../../electron/core/signing/digital/digital-errors';
import { findPreviousXref } from '../../../../../electron/core/signing/digital/find-previous-xref';
import { makeChinesePdf } from '../../../../support/make-chinese-pdf';
import { runTool, tempFile } from '../../../../support/pdf-signature-tools';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const qpdfCheck = (pdf: Uint8Array) => runTool('qpdf', ['--check', tempFile('u.pdf', pdf)]);

/** Appends a new Info dictionary titled `title` as an update, the way the signer appends its objects. */
async function retitle(pdf: Uint8Array, title: string) {
  const previous = findPreviousXref(pdf);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const root = String(doc.context.trailerInfo.Root);
  return appendIncrementalUpdate({
    original: pdf,
    previous,
    objects: [{ objectNumber: previous.size, generation: 0, body: ascii(`<< /Title (${title}) >>`) }],
    trailer: `/Root ${root} /Info ${previous.size} 0 R`,
  });
}

describe('findPreviousXref', () => {
  it('finds a cross-reference stream (pdf-lib default) with its /Size', async () => {
    const pdf = await makeChinesePdf({ pages: 1 });
    const found = findPreviousXref(pdf);
    expect(found.kind).toBe('stream');
    const head = Buffer.from(pdf.subarray(found.offset, found.offset + 200)).toString('latin1');
    expect(head).toMatch(/^\d+ 0 obj\s*<</);
    expect(head).toContain('/Type /XRef');
    expect(head).toContain(`/Size ${found.size}`);
    expect(found.size).toBeGreaterThan(5);
  });

  it('finds a classic xref table with its /Size', async () => {
    const pdf = await makeChinesePdf({ pages: 1, useObjectStreams: false });
    const found = findPreviousXref(pdf);
    expect(found.kind).toBe('table');
    expect(Buffer.from(pdf.subarray(found.offset, found.offset + 4)).toString('latin1')).toBe('xref');
  });

  it('refuses a missing, out-of-range or misdirected startxref, and an encrypted file → PDF_UNSIGNABLE', async () => {
    const pdf = await makeChinesePdf({ pages: 1, useObjectStreams: false });
    const text = Buffer.from(pdf).toString('latin1');
    const variants = [
      text.replace(/startxref\s+\d+/, 'startxreF 0'),
      text.replace(/startxref\s+(\d+)/, 'startxref 999999999'),
      text.replace(/startxref\s+(\d+)/, 'startxref 20'),
      text.replace(/trailer\s*<</, 'trailer\n<< /Encrypt 99 0 R'),
    ];
    for (const variant of variants) {
      expect(() => findPreviousXref(Buffer.from(variant, 'latin1'))).toThrow(DigitalSignatureError);
    }
  });
});

describe('appendIncrementalUpdate', () => {
  for (const useObjectStreams of [true, false]) {
    it(`keeps the original bytes as a prefix and yields a file qpdf and pdf-lib accept (${useObjectStreams ? 'xref stream' : 'xref table'})`, async () => {
      const pdf = await makeChinesePdf({ pages: 2, useObjectStreams });
      const update = await retitle(pdf, 'Updated');
      expect(Buffer.from(update.bytes.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
      const check = qpdfCheck(update.bytes);
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout + check.stderr).not.toMatch(/WARNING/i);
      const reopened = await PDFDocument.load(update.bytes, { updateMetadata: false });
      expect(reopened.getTitle()).toBe('Updated');
      expect(reopened.getPageCount()).toBe(2);
      const info = runTool('pdfinfo', [tempFile('u.pdf', update.bytes)]).stdout;
      expect(info).toMatch(/^Title:\s+Updated$/m);
    });
  }

  it('reports where each object body starts, and chains a second update to the first', async () => {
    const pdf = await makeChinesePdf({ pages: 1 });
    const first = await retitle(pdf, 'One');
    const [[number, offset]] = [...first.bodyOffsets] as [[number, number]];
    expect(Buffer.from(first.bytes.subarray(offset - `${number} 0 obj\n`.length, offset + 9)).toString('latin1')).toBe(`${number} 0 obj\n<< /Title`);
    const second = await retitle(first.bytes, 'Two');
    expect(qpdfCheck(second.bytes).status).toBe(0);
    expect((await PDFDocument.load(second.bytes, { updateMetadata: false })).getTitle()).toBe('Two');
    expect(Buffer.from(second.bytes).toString('latin1').match(/%%EOF/g)).toHaveLength(3);
  });
});
