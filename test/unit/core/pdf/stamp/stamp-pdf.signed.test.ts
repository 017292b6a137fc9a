import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from '../../../../support/make-png';
import { hasOpenssl, makeSignedPdf, pdfsig } from '../../../../support/make-signed-pdf';
import { inkBox, qpdfCheckStatus } from '../../../../support/render-page';
import { FONT, renderBytes, tempPdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

const signature = makeSignaturePng();
afterAll(removeTempDirs);

describe.skipIf(!hasOpenssl())('stampPdf on a digitally signed PDF', () => {
  it('appends the stamp as an incremental update: pdfsig still finds the signature valid', async () => {
    const signed = await makeSignedPdf();
    expect(pdfsig(tempPdf(signed))).toMatch(/Total document signed[\s\S]*Signature is Valid/);
    expect((await inspectPdf(signed)).signed).toBe(true);

    const result = await stampPdf(signed, { signature, date: '2026-11-28', font: FONT });
    expect(result.incremental).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['signature-kept']);
    // The signed bytes are untouched; the stamp follows them.
    expect(Buffer.from(result.bytes.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const file = tempPdf(result.bytes);
    const report = pdfsig(file);
    expect(report).toMatch(/Signature is Valid/);
    expect(report).toMatch(/Not total document signed/);
    expect(qpdfCheckStatus(file).status).toBe(0);
    expect(inkBox(renderBytes(signed, 1), renderBytes(result.bytes, 1))).toBeDefined();
  });

  it('warns that a rewrite breaks the signature, and pdfsig agrees', async () => {
    const signed = await makeSignedPdf();
    const result = await stampPdf(signed, { signature, preserveSignatures: false });
    expect(result.incremental).toBe(false);
    expect(result.warnings.map((w) => w.code)).toEqual(['breaks-signature']);
    expect(pdfsig(tempPdf(result.bytes))).not.toMatch(/Signature is Valid/);
  });

  it('rewrites (and warns) when the form is to be flattened, which removes the signature field', async () => {
    const result = await stampPdf(await makeSignedPdf(), { signature, flattenForm: true });
    expect(result.incremental).toBe(false);
    expect(result.warnings.map((w) => w.code)).toContain('breaks-signature');
  });
});
