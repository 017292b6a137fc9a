import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCmsSignature } from '../../../../../electron/core/signing/digital/build-cms-signature';
import { generateSelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import type { Pkcs12Identity } from '../../../../../electron/core/signing/digital/read-pkcs12';
import { readPkcs12 } from '../../../../../electron/core/signing/digital/read-pkcs12';
import { opensslIdentity } from '../../../../support/openssl-identities';
import { opensslVerifyCms, runTool, tempFile } from '../../../../support/pdf-signature-tools';
import { removeTempDirs } from '../../../../support/temp-dir';

const CONTENT = Buffer.from('%PDF-1.7 承诺书 signed bytes, both /ByteRange ranges', 'utf8');
const DIGEST = new Uint8Array(createHash('sha256').update(CONTENT).digest());
const SIGNING_TIME = new Date('2026-11-28T02:30:00Z');
let own: Pkcs12Identity;
let ownPem: string;

beforeAll(async () => {
  const made = await generateSelfSignedIdentity({ commonName: '王小明', validFrom: new Date('2026-01-01T00:00:00Z'), validDays: 365, passphrase: 'x' });
  own = readPkcs12(made.p12, 'x');
  ownPem = made.certificatePem;
});
afterAll(removeTempDirs);

const cms = (identity: Pkcs12Identity, profile: 'pades' | 'pkcs7', digest = DIGEST): Uint8Array =>
  buildCmsSignature({ contentDigest: digest, certificate: identity.certificate, chain: identity.chain, privateKey: identity.privateKey, profile, signingTime: SIGNING_TIME });

const printed = (der: Uint8Array): string => runTool('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', tempFile('sig.der', der)]).stdout;

describe('buildCmsSignature: a detached CMS SignedData over a precomputed digest', () => {
  it('verifies in OpenSSL against the content, and against the self-signed certificate as trust anchor', () => {
    for (const profile of ['pades', 'pkcs7'] as const) {
      const der = cms(own, profile);
      const check = opensslVerifyCms(der, CONTENT);
      expect(check.stderr).toContain('Verification successful');
      expect(opensslVerifyCms(der, CONTENT, ownPem).stderr).toContain('Verification successful');
    }
  });

  it('fails verification against other content', () => {
    const check = opensslVerifyCms(cms(own, 'pades'), Buffer.concat([CONTENT, Buffer.from(' ')]));
    expect(check.status).not.toBe(0);
    expect(check.stderr).not.toContain('Verification successful');
  });

  it('pades (ETSI.CAdES.detached, B-B): content-type, message-digest, signing-certificate-v2; no signing-time', () => {
    const text = printed(cms(own, 'pades'));
    expect(text).toContain('object: contentType (1.2.840.113549.1.9.3)');
    expect(text).toContain('object: messageDigest (1.2.840.113549.1.9.4)');
    expect(text).toMatch(/object: (id-smime-aa-signingCertificateV2|signingCertificateV2) \(1\.2\.840\.113549\.1\.9\.16\.2\.47\)/);
    expect(text).not.toContain('signingTime');
    expect(text).toContain('algorithm: sha256 (2.16.840.1.101.3.4.2.1)');
  });

  it('pkcs7 (adbe.pkcs7.detached): adds the signing-time attribute with the given time', () => {
    const text = printed(cms(own, 'pkcs7'));
    expect(text).toContain('object: signingTime (1.2.840.113549.1.9.5)');
    expect(text).toMatch(/UTCTIME:Nov 28 02:30:00 2026 GMT/);
  });

  it('puts the SHA-256 of the signer certificate in signing-certificate-v2', () => {
    const certHash = createHash('sha256').update(own.certificate).digest();
    expect(Buffer.from(cms(own, 'pades')).includes(Buffer.concat([Buffer.from([0x04, 0x20]), certHash]))).toBe(true);
  });

  it('signs with an EC P-256 key (ecdsa-with-SHA256) and embeds a CA chain', () => {
    const made = opensslIdentity({ key: 'ec', withCa: true });
    const identity = readPkcs12(made.p12, 'secret');
    const der = cms(identity, 'pades');
    expect(printed(der)).toContain('ecdsa-with-SHA256');
    expect(opensslVerifyCms(der, CONTENT, made.caPem).stderr).toContain('Verification successful');
  });

  it('is deterministic for RSA (PKCS#1 v1.5) given the same digest and key', () => {
    expect(Buffer.from(cms(own, 'pades')).equals(Buffer.from(cms(own, 'pades')))).toBe(true);
  });

  it('refuses a digest that is not 32 bytes', () => {
    expect(() => cms(own, 'pades', new Uint8Array(20))).toThrow(/SHA-256/);
  });
});
