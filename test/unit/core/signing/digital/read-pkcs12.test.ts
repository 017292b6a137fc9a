import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DigitalSignatureError } from '../../../../../electron/core/signing/digital/digital-errors';
import { readPkcs12 } from '../../../../../electron/core/signing/digital/read-pkcs12';
import { opensslIdentity } from '../../../../support/openssl-identities';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

/** The code of the DigitalSignatureError that `run` throws. */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DigitalSignatureError);
    return (error as DigitalSignatureError).code;
  }
  throw new Error('expected a DigitalSignatureError');
}

const subjectOf = (der: Uint8Array): string => new X509Certificate(der).subject;

describe('readPkcs12 reads the .p12 files people bring (made here by the OpenSSL CLI)', () => {
  it('OpenSSL 3 default (PBES2 / AES-256-CBC / HMAC-SHA-256, SHA-256 MAC) with a Chinese passphrase', () => {
    const made = opensslIdentity({ passphrase: '口令一二三' });
    const id = readPkcs12(made.p12, '口令一二三');
    expect(subjectOf(id.certificate)).toBe('C=CN\nO=杭州某某网店\nCN=李四');
    expect(id.privateKey.asymmetricKeyType).toBe('rsa');
    expect(new X509Certificate(id.certificate).checkPrivateKey(id.privateKey)).toBe(true);
  });

  it('legacy 3DES with a SHA-1 MAC (OpenSSL 1.x / older Windows exports)', () => {
    const id = readPkcs12(opensslIdentity({ encryption: '3des' }).p12, 'secret');
    expect(id.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('legacy RC2-40 certificates (openssl -legacy)', () => {
    const id = readPkcs12(opensslIdentity({ encryption: 'rc2' }).p12, 'secret');
    expect(subjectOf(id.certificate)).toContain('CN=李四');
  });

  it('an EC P-256 key', () => {
    const id = readPkcs12(opensslIdentity({ key: 'ec' }).p12, 'secret');
    expect(id.privateKey.asymmetricKeyType).toBe('ec');
    expect(id.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('a CA-issued certificate: the key\'s own certificate, and the CA as the chain', () => {
    const made = opensslIdentity({ withCa: true });
    const id = readPkcs12(made.p12, 'secret');
    expect(subjectOf(id.certificate)).toContain('CN=李四');
    expect(id.chain).toHaveLength(1);
    expect(new X509Certificate(id.chain[0] as Uint8Array).subject).toContain('CN=Pledge Test CA');
    // The certificates come out byte-identical to what OpenSSL wrote.
    expect(new X509Certificate(id.certificate).raw.equals(new X509Certificate(made.certPem).raw)).toBe(true);
    expect(new X509Certificate(id.chain[0] as Uint8Array).raw.equals(new X509Certificate(made.caPem as string).raw)).toBe(true);
  });
});

describe('readPkcs12 errors', () => {
  it('a wrong passphrase → P12_BAD_PASSPHRASE (also with a near-miss Chinese one)', () => {
    const made = opensslIdentity({ passphrase: '口令一二三' });
    expect(codeOf(() => readPkcs12(made.p12, 'wrong'))).toBe('P12_BAD_PASSPHRASE');
    expect(codeOf(() => readPkcs12(made.p12, '口令一二'))).toBe('P12_BAD_PASSPHRASE');
    expect(codeOf(() => readPkcs12(made.p12, ''))).toBe('P12_BAD_PASSPHRASE');
  });

  it('garbage, empty, PEM text, a PDF and a truncated .p12 → P12_INVALID', () => {
    const made = opensslIdentity();
    expect(codeOf(() => readPkcs12(Uint8Array.from({ length: 600 }, (_, i) => (i * 73 + 11) & 0xff), 'secret'))).toBe('P12_INVALID');
    expect(codeOf(() => readPkcs12(new Uint8Array(0), 'secret'))).toBe('P12_INVALID');
    expect(codeOf(() => readPkcs12(Buffer.from(made.certPem), 'secret'))).toBe('P12_INVALID');
    expect(codeOf(() => readPkcs12(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n'), 'secret'))).toBe('P12_INVALID');
    expect(codeOf(() => readPkcs12(made.p12.subarray(0, made.p12.length - 40), 'secret'))).toBe('P12_INVALID');
  });

  it('a file larger than 1 MB → P12_INVALID without parsing', () => {
    expect(codeOf(() => readPkcs12(new Uint8Array(1024 * 1024 + 1), 'secret'))).toBe('P12_INVALID');
  });

  it('a certificate-only .p12 (no key) → P12_INVALID', () => {
    expect(codeOf(() => readPkcs12(opensslIdentity({ noKey: true }).p12, 'secret'))).toBe('P12_INVALID');
  });

  it('an Ed25519 key → P12_UNSUPPORTED_KEY', () => {
    expect(codeOf(() => readPkcs12(opensslIdentity({ key: 'ed25519' }).p12, 'secret'))).toBe('P12_UNSUPPORTED_KEY');
  });

  it('errors carry code and an English message, and serialise as {code, message}', () => {
    try {
      readPkcs12(new Uint8Array(0), 'x');
    } catch (error) {
      const e = error as DigitalSignatureError;
      expect(e.name).toBe('DigitalSignatureError');
      expect(e.toApiError()).toEqual({ code: 'P12_INVALID', message: e.message });
    }
  });
});
