import { createHash, generateKeyPair, randomBytes as nodeRandomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { fromBinaryString, toBinaryString } from './forge-bytes';
import { writePkcs12 } from './write-pkcs12';

export interface SelfSignedIdentityInput {
  /** The signer's name as it should appear in readers' signature panels, e.g. 王小明. Any Unicode. */
  commonName: string;
  /** The shop or company, e.g. 杭州某某网店. */
  organisation?: string;
  /** ISO 3166 alpha-2; default 'CN'. */
  country?: string;
  /** Start of validity (UTC); fractions of a second are dropped, as X.509 times have none. */
  validFrom: Date;
  /** Length of validity in whole days (1–36,500). */
  validDays: number;
  /** Protects the key inside the .p12; any Unicode (written as OpenSSL/Windows expect). */
  passphrase: string;
  /**
   * Source of the certificate serial number and the .p12 MAC salt; default `crypto.randomBytes`. The RSA
   * key itself always comes from the OS CSPRNG, never from here, so a seeded test source cannot weaken it.
   */
  randomBytes?: (n: number) => Uint8Array;
}

export interface SelfSignedIdentity {
  /** A PKCS#12 file holding the key and the certificate, encrypted with the passphrase. */
  p12: Uint8Array;
  certificatePem: string;
  /** SHA-256 of the certificate's DER, lower-case hex without separators (64 chars). */
  fingerprintSha256: string;
}

const DAY_MS = 86_400_000;
const RSA_BITS = 2048;

/**
 * Generates an RSA-2048 key and a self-signed X.509 v3 certificate for it, and packs both into a .p12.
 * The subject is C, O, CN in that order, with O and CN as UTF8String so that Chinese names print right in
 * OpenSSL, NSS (pdfsig), Adobe and Windows; key usage is digitalSignature + nonRepudiation (critical), as
 * for a document-signing certificate, and basicConstraints says it is not a CA.
 *
 * Key generation runs on libuv's thread pool (≈50–300 ms for RSA-2048), so it does not block the caller's
 * event loop.
 */
export async function generateSelfSignedIdentity(input: SelfSignedIdentityInput): Promise<SelfSignedIdentity> {
  const commonName = input.commonName.trim();
  if (!commonName) throw new TypeError('generateSelfSignedIdentity: commonName is empty');
  const country = input.country ?? 'CN';
  if (!/^[A-Z]{2}$/.test(country)) throw new TypeError(`generateSelfSignedIdentity: country "${country}" is not ISO 3166 alpha-2`);
  if (!Number.isInteger(input.validDays) || input.validDays < 1 || input.validDays > 36_500) {
    throw new RangeError('generateSelfSignedIdentity: validDays must be a whole number of days, 1–36,500');
  }
  if (Number.isNaN(input.validFrom.getTime())) throw new RangeError('generateSelfSignedIdentity: validFrom is not a date');
  const random = input.randomBytes ?? ((n: number) => new Uint8Array(nodeRandomBytes(n)));

  const { privateKey, publicKey } = await rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = serialHex(random(16));
  const from = Math.floor(input.validFrom.getTime() / 1000) * 1000;
  cert.validity.notBefore = new Date(from);
  cert.validity.notAfter = new Date(from + input.validDays * DAY_MS);
  // Why the cast: @types/node-forge types valueTagClass as asn1.Class, but forge reads it as the
  // universal type (asn1.Type.UTF8 = 12 gives UTF8String).
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const name: forge.pki.CertificateField[] = [
    { name: 'countryName', value: country },
    ...(input.organisation?.trim() ? [{ name: 'organizationName', value: input.organisation.trim(), valueTagClass: utf8 }] : []),
    { name: 'commonName', value: commonName, valueTagClass: utf8 },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWithNode(cert, privateKey);

  const der = fromBinaryString(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
  const p12 = writePkcs12({
    privateKeyPkcs8: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
    certificates: [der],
    passphrase: input.passphrase,
    friendlyName: commonName,
    macSalt: random(16),
  });
  return {
    p12,
    certificatePem: forge.pki.certificateToPem(cert),
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
  };
}

function rsaKeyPair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: RSA_BITS, publicExponent: 0x10001 }, (error, publicKey, privateKey) => {
      if (error) reject(error);
      else resolve({ privateKey, publicKey });
    });
  });
}

/** A positive serial of ≤ 20 octets (RFC 5280 §4.1.2.2): top bit cleared, first octet never zero. */
function serialHex(bytes: Uint8Array): string {
  const serial = Uint8Array.from(bytes);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(serial).toString('hex');
}

/**
 * What forge's `cert.sign` does, with Node's native RSA in place of forge's pure-JS one (≈1 ms instead of
 * tens): fix the algorithm, freeze the TBSCertificate, sign its DER with SHA-256.
 */
function signWithNode(cert: forge.pki.Certificate, privateKey: KeyObject): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  (cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate = tbs;
  cert.signature = toBinaryString(new Uint8Array(sign('sha256', fromBinaryString(forge.asn1.toDer(tbs).getBytes()), privateKey)));
}
