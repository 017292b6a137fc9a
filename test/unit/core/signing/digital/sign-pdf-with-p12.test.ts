import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendIncrementalUpdate } from '../../../../../electron/core/signing/digital/append-incremental-update';
import { DigitalSignatureError } from '../../../../../electron/core/signing/digital/digital-errors';
import { findPreviousXref } from '../../../../../electron/core/signing/digital/find-previous-xref';
import type { SelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import { generateSelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import type { SignPdfOptions } from '../../../../../electron/core/signing/digital/sign-pdf-with-p12';
import { signPdfWithP12 } from '../../../../../electron/core/signing/digital/sign-pdf-with-p12';
import { makeChinesePdf } from '../../../../support/make-chinese-pdf';
import { opensslIdentity } from '../../../../support/openssl-identities';
import { lastSignature, opensslVerifyCms, pdfsig, qpdfSignatureDicts, runTool, tempFile } from '../../../../support/pdf-signature-tools';
import { removeTempDirs } from '../../../../support/temp-dir';

const PASSPHRASE = '承诺书签名口令';
const SIGNING_TIME = new Date('2026-11-28T02:30:00Z');
const REASON = '本人已阅读并同意上述承诺内容（共三页）';
const LOCATION = '浙江省杭州市西湖区';

let identity: SelfSignedIdentity;
let pdf: Uint8Array;
let signed: Uint8Array;

const options = (extra: Partial<SignPdfOptions> = {}): SignPdfOptions => ({
  p12: identity.p12,
  passphrase: PASSPHRASE,
  reason: REASON,
  location: LOCATION,
  contactInfo: '138 0000 0000',
  signingTime: SIGNING_TIME,
  ...extra,
});

beforeAll(async () => {
  identity = await generateSelfSignedIdentity({ commonName: '王小明', organisation: '杭州某某网店', validFrom: new Date('2026-01-01T00:00:00Z'), validDays: 730, passphrase: PASSPHRASE });
  pdf = await makeChinesePdf({ pages: 3, evidence: { schema: 1, documentId: 'PD-20261128-7KQ3M9XA' } });
  signed = await signPdfWithP12(pdf, options());
});
afterAll(removeTempDirs);

async function codeOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DigitalSignatureError);
  return (error as DigitalSignatureError).code;
}

/** A minute after an OpenSSL-made certificate's validity starts (OpenSSL 3.0 dates them from the real clock). */
const justAfterIssue = (pem: string): Date => new Date(Date.parse(new X509Certificate(pem).validFrom) + 60_000);

const validAndTotal = (bytes: Uint8Array) => pdfsig(bytes).signatures.map((s) => [s.validation, s.totalDocument]);

describe('signPdfWithP12: pdfsig reports a valid signature over the total document', () => {
  it('reports the signer, time, type and validity', () => {
    const { raw, signatures } = pdfsig(signed);
    expect(signatures, raw).toEqual([
      {
        fieldName: 'Signature1',
        commonName: '王小明',
        distinguishedName: 'CN=王小明,O=杭州某某网店,C=CN',
        signingTime: 'Nov 28 2026 02:30:00',
        signatureType: 'ETSI.CAdES.detached',
        totalDocument: true,
        validation: 'Signature is Valid.',
      },
    ]);
  });

  it('with the pkcs7 profile: adbe.pkcs7.detached, also valid over the total document', async () => {
    const bytes = await signPdfWithP12(pdf, options({ profile: 'pkcs7' }));
    expect(pdfsig(bytes).signatures[0]).toMatchObject({ signatureType: 'adbe.pkcs7.detached', validation: 'Signature is Valid.', totalDocument: true });
  });

  it('covers every byte but /Contents: ByteRange [0 a b c] with b + c = file length, and OpenSSL verifies the CMS over it', () => {
    const sig = lastSignature(signed);
    const [start, gapStart, gapEnd, tail] = sig.byteRange as [number, number, number, number];
    expect(start).toBe(0);
    expect(gapEnd + tail).toBe(signed.length);
    expect(String.fromCharCode(signed[gapStart] as number, signed[gapEnd - 1] as number)).toBe('<>');
    expect(opensslVerifyCms(sig.cms, sig.signedBytes, identity.certificatePem).stderr).toContain('Verification successful');
  });

  it('leaves the input bytes untouched as the first revision (an incremental update)', () => {
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('embeds the signing time as /M, and writes Name, Reason, Location, ContactInfo as Unicode that qpdf decodes exactly', () => {
    const [dict] = qpdfSignatureDicts(signed);
    expect(dict).toMatchObject({
      '/Filter': '/Adobe.PPKLite',
      '/SubFilter': '/ETSI.CAdES.detached',
      '/M': 'u:D:20261128023000Z',
      '/Name': 'u:王小明',
      '/Reason': `u:${REASON}`,
      '/Location': `u:${LOCATION}`,
      '/ContactInfo': 'u:138 0000 0000',
    });
  });

  it('stays a sound PDF: qpdf --check passes; pdf-lib reopens it with the signature field, pages and evidence.json', async () => {
    const check = runTool('qpdf', ['--check', tempFile('s.pdf', signed)]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    const field = doc.getForm().getSignature('Signature1');
    const value = field.acroField.dict.lookup(PDFName.of('V'), PDFDict);
    const reason = value.lookup(PDFName.of('Reason'));
    expect(reason instanceof PDFHexString || reason instanceof PDFString ? reason.decodeText() : null).toBe(REASON);
    const files = runTool('pdfdetach', ['-list', tempFile('s.pdf', signed)]).stdout;
    expect(files).toContain('evidence.json');
  });

  it('is deterministic: the same input, key and time give the same bytes (no hidden clock)', async () => {
    expect(Buffer.from(await signPdfWithP12(pdf, options())).equals(Buffer.from(signed))).toBe(true);
  });

  it('uses signerName for /Name when given', async () => {
    const bytes = await signPdfWithP12(pdf, options({ signerName: '王小明（法定代表人）' }));
    expect(qpdfSignatureDicts(bytes)[0]?.['/Name']).toBe('u:王小明（法定代表人）');
  });
});

describe('after any later change pdfsig no longer reports a valid signature over the total document', () => {
  it('one flipped byte in the first signed range → Digest Mismatch', () => {
    const bytes = Uint8Array.from(signed);
    const at = Math.floor((lastSignature(signed).byteRange[1] as number) / 2);
    bytes[at] = (bytes[at] as number) ^ 0x01;
    expect(validAndTotal(bytes)).toEqual([['Digest Mismatch.', true]]);
  });

  it('one changed byte in the second signed range (after /Contents) → Digest Mismatch', () => {
    const bytes = Uint8Array.from(signed);
    const [, , gapEnd] = lastSignature(signed).byteRange as [number, number, number];
    const at = Buffer.from(bytes).indexOf('/Name', gapEnd) + 1;
    bytes[at] = 'n'.charCodeAt(0);
    expect(validAndTotal(bytes)).toEqual([['Digest Mismatch.', true]]);
  });

  it('an appended incremental update (new Info) → the signature still verifies but is "Not total document signed"', async () => {
    const previous = findPreviousXref(signed);
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const update = appendIncrementalUpdate({
      original: signed,
      previous,
      objects: [{ objectNumber: previous.size, generation: 0, body: Buffer.from('<< /Title (changed) >>', 'latin1') }],
      trailer: `/Root ${String(doc.context.trailerInfo.Root)} /Info ${previous.size} 0 R`,
    });
    expect(validAndTotal(update.bytes)).toEqual([['Signature is Valid.', false]]);
  });

  it('bytes appended after %%EOF → "Not total document signed"', () => {
    const bytes = Buffer.concat([signed, Buffer.from('% appended\n')]);
    expect(validAndTotal(bytes)[0]?.[1]).toBe(false);
  });

  it('a full re-save by pdf-lib → not valid over the total document', async () => {
    const resaved = await (await PDFDocument.load(signed, { updateMetadata: false })).save();
    const result = validAndTotal(resaved);
    expect(result.some(([validation, total]) => validation === 'Signature is Valid.' && total === true)).toBe(false);
  });
});

describe('signing again, and other inputs', () => {
  it('a second signature keeps the first valid; only the last covers the total document', async () => {
    const twice = await signPdfWithP12(signed, options({ signingTime: new Date('2026-11-28T03:00:00Z') }));
    const { signatures, raw } = pdfsig(twice);
    expect(signatures.map((s) => [s.fieldName, s.validation, s.totalDocument]), raw).toEqual([
      ['Signature1', 'Signature is Valid.', false],
      ['Signature2', 'Signature is Valid.', true],
    ]);
    expect(runTool('qpdf', ['--check', tempFile('t.pdf', twice)]).status).toBe(0);
  });

  it('a classic-xref PDF that already has a form field: signed, and the field is kept', async () => {
    const input = await makeChinesePdf({ pages: 1, useObjectStreams: false, withFormField: true });
    const bytes = await signPdfWithP12(input, options());
    expect(validAndTotal(bytes)).toEqual([['Signature is Valid.', true]]);
    const names = (await PDFDocument.load(bytes)).getForm().getFields().map((f) => f.getName());
    expect(names.sort()).toEqual(['Signature1', 'shop']);
    expect(runTool('qpdf', ['--check', tempFile('f.pdf', bytes)]).status).toBe(0);
  });

  it('an EC P-256 key and a CA-issued certificate from OpenSSL: valid; the CMS verifies up to the CA', async () => {
    for (const made of [opensslIdentity({ key: 'ec' }), opensslIdentity({ withCa: true })]) {
      const bytes = await signPdfWithP12(pdf, { p12: made.p12, passphrase: 'secret', signingTime: justAfterIssue(made.certPem) });
      expect(pdfsig(bytes).signatures[0]).toMatchObject({ commonName: '李四', validation: 'Signature is Valid.', totalDocument: true });
      const sig = lastSignature(bytes);
      expect(opensslVerifyCms(sig.cms, sig.signedBytes, made.caPem ?? made.certPem).stderr).toContain('Verification successful');
    }
  });
});

describe('signPdfWithP12 errors', () => {
  it('wrong passphrase → P12_BAD_PASSPHRASE', async () => {
    expect(await codeOf(signPdfWithP12(pdf, options({ passphrase: '错误口令' })))).toBe('P12_BAD_PASSPHRASE');
  });

  it('not a .p12 (garbage, or the PDF itself) → P12_INVALID', async () => {
    expect(await codeOf(signPdfWithP12(pdf, options({ p12: Uint8Array.from({ length: 512 }, (_, i) => (i * 31) & 0xff) })))).toBe('P12_INVALID');
    expect(await codeOf(signPdfWithP12(pdf, options({ p12: pdf })))).toBe('P12_INVALID');
  });

  it('a certificate expired at signingTime → CERT_EXPIRED; one not yet valid → CERT_NOT_YET_VALID; the last valid second is accepted', async () => {
    const old = await generateSelfSignedIdentity({ commonName: '王小明', validFrom: new Date('2024-01-01T00:00:00Z'), validDays: 30, passphrase: 'x' });
    expect(await codeOf(signPdfWithP12(pdf, { p12: old.p12, passphrase: 'x', signingTime: SIGNING_TIME }))).toBe('CERT_EXPIRED');
    expect(await codeOf(signPdfWithP12(pdf, { p12: old.p12, passphrase: 'x', signingTime: new Date('2023-12-31T23:59:59Z') }))).toBe('CERT_NOT_YET_VALID');
    const lastSecond = await signPdfWithP12(pdf, { p12: old.p12, passphrase: 'x', signingTime: new Date('2024-01-31T00:00:00Z') });
    expect(validAndTotal(lastSecond)).toEqual([['Signature is Valid.', true]]);
  });

  it('a certificate whose key usage excludes signatures → CERT_WRONG_USAGE', async () => {
    const made = opensslIdentity({ keyUsage: 'critical,keyEncipherment' });
    expect(await codeOf(signPdfWithP12(pdf, { p12: made.p12, passphrase: 'secret', signingTime: justAfterIssue(made.certPem) }))).toBe('CERT_WRONG_USAGE');
  });

  it('an encrypted PDF, or bytes that are not a PDF → PDF_UNSIGNABLE', async () => {
    // Encrypted for permissions only (empty user password): it opens without a password, yet is encrypted.
    const encrypted = tempFile('enc.pdf', '');
    expect(runTool('qpdf', ['--encrypt', '', 'owner', '256', '--', tempFile('plain.pdf', pdf), encrypted]).status).toBe(0);
    expect(await codeOf(signPdfWithP12(new Uint8Array(readFileSync(encrypted)), options()))).toBe('PDF_UNSIGNABLE');
    const classic = tempFile('enc-classic.pdf', '');
    runTool('qpdf', ['--object-streams=disable', '--encrypt', 'user', 'owner', '128', '--use-aes=y', '--', tempFile('plain.pdf', pdf), classic]);
    expect(await codeOf(signPdfWithP12(new Uint8Array(readFileSync(classic)), options()))).toBe('PDF_UNSIGNABLE');
    expect(await codeOf(signPdfWithP12(Buffer.from('hello, not a pdf'), options()))).toBe('PDF_UNSIGNABLE');
  });
});
