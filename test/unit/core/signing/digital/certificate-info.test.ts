import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateInfo } from '../../../../../electron/core/signing/digital/certificate-info';
import { generateSelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import { opensslIdentity } from '../../../../support/openssl-identities';
import { removeTempDirs } from '../../../../support/temp-dir';

const der = (pem: string): Uint8Array => new Uint8Array(new X509Certificate(pem).raw);
let ownPem: string;

beforeAll(async () => {
  ownPem = (await generateSelfSignedIdentity({ commonName: '王小明', organisation: '杭州某某网店', validFrom: new Date('2026-01-01T00:00:00Z'), validDays: 10, passphrase: 'x' })).certificatePem;
});
afterAll(removeTempDirs);

describe('certificateInfo', () => {
  it('reads subject, validity, key usage and self-issuance of a generated certificate', () => {
    const info = certificateInfo(der(ownPem));
    expect(info.subject).toEqual({ country: 'CN', organisation: '杭州某某网店', commonName: '王小明' });
    expect(info.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2026-01-11T00:00:00.000Z');
    expect(info.keyUsage).toEqual({ digitalSignature: true, nonRepudiation: true });
    expect(info.selfIssued).toBe(true);
  });

  it('copies issuer and serial as exact DER slices of the certificate', () => {
    const bytes = der(ownPem);
    const info = certificateInfo(bytes);
    expect(Buffer.from(bytes).includes(Buffer.from(info.issuerDer))).toBe(true);
    expect(info.serialDer[0]).toBe(0x02);
    expect(Buffer.from(info.serialDer.subarray(2)).toString('hex').toUpperCase()).toBe(new X509Certificate(ownPem).serialNumber);
  });

  it('reads an OpenSSL CA-issued certificate: not self-issued; an encryption-only key usage', () => {
    const made = opensslIdentity({ withCa: true, keyUsage: 'critical,keyEncipherment' });
    const info = certificateInfo(der(made.certPem));
    expect(info.selfIssued).toBe(false);
    expect(info.subject.commonName).toBe('李四');
    expect(info.keyUsage).toEqual({ digitalSignature: false, nonRepudiation: false });
  });

  it('rejects bytes that are not a certificate', () => {
    expect(() => certificateInfo(Buffer.from('not a certificate'))).toThrow();
    expect(() => certificateInfo(der(ownPem).subarray(0, 100))).toThrow();
  });
});
