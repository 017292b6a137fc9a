import type { KeyObject } from 'node:crypto';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { DigitalSignatureError } from './digital-errors';
import { fromBinaryString, toBinaryString, utf8BinaryString } from './forge-bytes';

/** A signing identity unlocked from a .p12 / .pfx. */
export interface Pkcs12Identity {
  /** RSA or EC private key, ready for `crypto.sign`. */
  privateKey: KeyObject;
  /** The DER certificate whose public key matches `privateKey`. */
  certificate: Uint8Array;
  /** The other DER certificates in the file (usually the issuing CA chain), in file order. */
  chain: Uint8Array[];
}

/** Larger than any real .p12 (a key, a few certificates): refuse before parsing. */
const MAX_P12_BYTES = 1024 * 1024;

/**
 * Opens a PKCS#12 file with its passphrase and returns the first private key together with its own
 * certificate. Reads what OpenSSL 1.x/3.x, Windows and Java write: PBES2 (AES, any HMAC-SHA PRF) and the
 * legacy PKCS#12 PBEs (3DES, RC2), MAC SHA-1/SHA-2, BER or DER, RSA or EC keys.
 *
 * @throws DigitalSignatureError `P12_INVALID` (not a PKCS#12, or no key with a matching certificate),
 *   `P12_BAD_PASSPHRASE`, `P12_UNSUPPORTED_KEY` (e.g. Ed25519, or a key Node cannot load).
 */
export function readPkcs12(p12: Uint8Array, passphrase: string): Pkcs12Identity {
  if (p12.length === 0 || p12.length > MAX_P12_BYTES) {
    throw new DigitalSignatureError('P12_INVALID', `not a PKCS#12 file (${p12.length} bytes)`);
  }
  const pfx = openPfx(p12, passphrase);
  const bags = pfx.safeContents.flatMap((c) => c.safeBags);
  const certs = bags
    .filter((b) => b.type === forge.pki.oids.certBag)
    .map((b) => fromBinaryString(forge.asn1.toDer(b.cert ? forge.pki.certificateToAsn1(b.cert) : b.asn1).getBytes()));
  const keyBags = bags.filter((b) => b.type === forge.pki.oids.pkcs8ShroudedKeyBag || b.type === forge.pki.oids.keyBag);
  if (keyBags.length === 0) throw new DigitalSignatureError('P12_INVALID', 'the PKCS#12 file holds no private key');

  for (const bag of keyBags) {
    const privateKey = loadKey(bag);
    const index = certs.findIndex((der) => matches(der, privateKey));
    if (index >= 0) {
      return { privateKey, certificate: certs[index] as Uint8Array, chain: certs.filter((_, i) => i !== index) };
    }
  }
  throw new DigitalSignatureError('P12_INVALID', 'the PKCS#12 file holds no certificate for its private key');
}

function openPfx(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = parseBer(p12);
  } catch (cause) {
    throw new DigitalSignatureError('P12_INVALID', 'not a PKCS#12 file (not ASN.1)', { cause });
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (first) {
    const kind = classify(first);
    if (kind === 'invalid') throw new DigitalSignatureError('P12_INVALID', `not a readable PKCS#12 file: ${messageOf(first)}`, { cause: first });
    // Why a second try: the MAC (PKCS#12 KDF) takes the passphrase as UTF-16 and forge does that right, but
    // PBES2 takes it as UTF-8 bytes, which forge does not. The MAC has just been verified with the real
    // passphrase (the failure came after it), so it is dropped for the retry with the UTF-8 form.
    if (kind === 'decrypt' && utf8BinaryString(passphrase) !== passphrase) {
      const withoutMac = parseBer(p12);
      if (Array.isArray(withoutMac.value)) withoutMac.value.length = Math.min(withoutMac.value.length, 2);
      try {
        return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, utf8BinaryString(passphrase));
      } catch (second) {
        if (classify(second) === 'invalid') throw new DigitalSignatureError('P12_INVALID', `not a readable PKCS#12 file: ${messageOf(second)}`, { cause: second });
      }
    }
    throw new DigitalSignatureError('P12_BAD_PASSPHRASE', 'the passphrase does not open this PKCS#12 file', { cause: first });
  }
}

/**
 * Lenient BER parse: .p12 files from Windows and Java use indefinite lengths, and some carry trailing
 * bytes. Why the cast: @types/node-forge only knows the boolean `strict` argument, not the options form.
 */
function parseBer(p12: Uint8Array): forge.asn1.Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { strict: boolean; parseAllBytes: boolean }) => forge.asn1.Asn1;
  return fromDer(toBinaryString(p12), { strict: false, parseAllBytes: false });
}

/** forge reports a wrong passphrase only through these messages (MAC mismatch, failed decryption). */
function classify(error: unknown): 'mac' | 'decrypt' | 'invalid' {
  const message = messageOf(error);
  if (/MAC could not be verified/i.test(message)) return 'mac';
  if (/wrong password|Failed to decrypt/i.test(message)) return 'decrypt';
  return 'invalid';
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function loadKey(bag: forge.pkcs12.Bag): KeyObject {
  // forge decodes RSA keys itself; any other kind (EC) is left as its PrivateKeyInfo ASN.1.
  const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(forge.asn1.toDer(info).getBytes(), 'latin1'), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new DigitalSignatureError('P12_UNSUPPORTED_KEY', 'the private key in the PKCS#12 file cannot be loaded', { cause });
  }
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
    throw new DigitalSignatureError('P12_UNSUPPORTED_KEY', `a ${key.asymmetricKeyType ?? 'unknown'} key cannot sign PDFs here (RSA or EC only)`);
  }
  return key;
}

function matches(der: Uint8Array, key: KeyObject): boolean {
  try {
    return new X509Certificate(der).checkPrivateKey(key);
  } catch {
    return false;
  }
}
