import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import { generateSelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import { readPkcs12 } from '../../../../../electron/core/signing/digital/read-pkcs12';
import { seededRandomBytes } from '../../../../support/lcg';
import { runTool, tempFile } from '../../../../support/pdf-signature-tools';
import { removeTempDirs } from '../../../../support/temp-dir';

const PASSPHRASE = '我的口令-2026';
const VALID_FROM = new Date('2026-11-28T02:30:00.456Z');

let identity: SelfSignedIdentity;
let keygenMs: number;

beforeAll(async () => {
  const started = performance.now();
  identity = await generateSelfSignedIdentity({
    commonName: '王小明',
    organisation: '杭州某某网店',
    validFrom: VALID_FROM,
    validDays: 3650,
    passphrase: PASSPHRASE,
  });
  keygenMs = performance.now() - started;
});

afterAll(removeTempDirs);

const openssl = (args: string[], env: Record<string, string> = {}) => runTool('openssl', args, { env });

describe('generateSelfSignedIdentity', () => {
  it('prints the Chinese subject intact in OpenSSL (UTF8String, order C, O, CN)', () => {
    const run = openssl(['x509', '-in', tempFile('cert.pem', identity.certificatePem), '-noout', '-subject', '-issuer', '-nameopt', 'utf8']);
    expect(run.stdout).toBe('subject=C=CN, O=杭州某某网店, CN=王小明\nissuer=C=CN, O=杭州某某网店, CN=王小明\n');
    const asn1 = openssl(['asn1parse', '-in', tempFile('cert.pem', identity.certificatePem)]).stdout;
    expect(asn1).toMatch(/UTF8STRING\s+:王小明/);
    expect(asn1).toMatch(/UTF8STRING\s+:杭州某某网店/);
  });

  it('is an RSA-2048, SHA-256, X.509 v3 certificate for signing only: critical keyUsage digitalSignature + nonRepudiation, not a CA', () => {
    const text = openssl(['x509', '-in', tempFile('cert.pem', identity.certificatePem), '-noout', '-text']).stdout;
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toContain('X509v3 Subject Key Identifier');
  });

  it('is valid from validFrom (to the second) for validDays days, and its self-signature verifies', () => {
    const x509 = new X509Certificate(identity.certificatePem);
    expect(new Date(x509.validFrom).toISOString()).toBe('2026-11-28T02:30:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2036-11-25T02:30:00.000Z');
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it('gives the SHA-256 fingerprint of the DER as 64 lower-case hex digits (same as OpenSSL)', () => {
    expect(identity.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    const run = openssl(['x509', '-in', tempFile('cert.pem', identity.certificatePem), '-noout', '-fingerprint', '-sha256']);
    expect(run.stdout.trim().split('=')[1]?.replaceAll(':', '').toLowerCase()).toBe(identity.fingerprintSha256);
  });

  it('packs a .p12 that OpenSSL opens with the Chinese passphrase (PBES2/AES-256, SHA-256 MAC) and refuses with another', () => {
    const file = tempFile('id.p12', identity.p12);
    const info = openssl(['pkcs12', '-in', file, '-info', '-noout', '-passin', 'env:PASS'], { PASS: PASSPHRASE });
    expect(info.status, info.stderr).toBe(0);
    expect(info.stderr).toContain('MAC: sha256');
    expect(info.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    const key = openssl(['pkcs12', '-in', file, '-nocerts', '-nodes', '-passin', 'env:PASS'], { PASS: PASSPHRASE });
    expect(key.status, key.stderr).toBe(0);
    expect(key.stdout).toContain('-----BEGIN PRIVATE KEY-----');
    expect(openssl(['pkcs12', '-in', file, '-noout', '-passin', 'pass:wrong']).status).not.toBe(0);
  });

  it('names the identity with the common name as a BMPString friendlyName (what Windows and macOS show)', () => {
    const bmp = Buffer.concat([Buffer.from([0x1e, 6]), Buffer.from('738b5c0f660e', 'hex')]);
    expect(Buffer.from(identity.p12).includes(bmp)).toBe(true);
  });

  it('reads back with readPkcs12: the key matches the certificate', () => {
    const back = readPkcs12(identity.p12, PASSPHRASE);
    expect(new X509Certificate(back.certificate).checkPrivateKey(back.privateKey)).toBe(true);
    expect(new X509Certificate(back.certificate).fingerprint256.replaceAll(':', '').toLowerCase()).toBe(identity.fingerprintSha256);
    expect(back.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(back.chain).toEqual([]);
  });

  it('takes the serial number from randomBytes (positive, 16 octets) and makes a fresh key every time', async () => {
    const make = () =>
      generateSelfSignedIdentity({ commonName: '张三', validFrom: VALID_FROM, validDays: 1, passphrase: 'x', randomBytes: seededRandomBytes(7) });
    const [a, b] = await Promise.all([make(), make()]);
    const serialA = new X509Certificate(a.certificatePem).serialNumber;
    expect(serialA).toBe(new X509Certificate(b.certificatePem).serialNumber);
    expect(serialA).toMatch(/^[0-7][0-9A-F]{31}$/);
    expect(a.fingerprintSha256).not.toBe(b.fingerprintSha256);
  });

  it('leaves O out when there is no organisation, and rejects bad input', async () => {
    const plain = await generateSelfSignedIdentity({ commonName: ' 李四 ', validFrom: VALID_FROM, validDays: 30, passphrase: 'x' });
    expect(new X509Certificate(plain.certificatePem).subject).toBe('C=CN\nCN=李四');
    const base = { commonName: '李四', validFrom: VALID_FROM, validDays: 30, passphrase: 'x' };
    await expect(generateSelfSignedIdentity({ ...base, commonName: '  ' })).rejects.toThrow(/commonName/);
    await expect(generateSelfSignedIdentity({ ...base, country: 'China' })).rejects.toThrow(/country/);
    await expect(generateSelfSignedIdentity({ ...base, validDays: 0 })).rejects.toThrow(/validDays/);
    await expect(generateSelfSignedIdentity({ ...base, validDays: 1.5 })).rejects.toThrow(/validDays/);
    await expect(generateSelfSignedIdentity({ ...base, validFrom: new Date('x') })).rejects.toThrow(/validFrom/);
  });

  it('generates the key in well under 5 s (measured; reported by the run)', () => {
    console.info(`[digital] RSA-2048 identity generated in ${keygenMs.toFixed(0)} ms`);
    expect(keygenMs).toBeLessThan(5000);
  });
});
