import { createHash, createHmac } from 'node:crypto';
import forge from 'node-forge';
import { derOctetString, derOid, derSequence, derSetOf, derTlv, derUnsigned, derNull } from './der';
import { fromBinaryString, toBinaryString, utf8BinaryString } from './forge-bytes';

export interface WritePkcs12Input {
  /** The private key as DER PKCS#8 PrivateKeyInfo (unencrypted). */
  privateKeyPkcs8: Uint8Array;
  /** DER certificates; the first is the key's own, any others its chain. */
  certificates: Uint8Array[];
  passphrase: string;
  /** Shown by key stores (Windows, macOS, Firefox) as the identity's name; any Unicode. */
  friendlyName: string;
  /** Salt for the integrity MAC, ≥ 8 bytes. (Key-encryption salt and IV come from forge's CSPRNG.) */
  macSalt: Uint8Array;
  /** PBKDF2 and MAC iteration count; OpenSSL 3's default is 2048. */
  iterations?: number;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha256: '2.16.840.1.101.3.4.2.1',
};

const explicit0 = (inner: Uint8Array): Uint8Array => derTlv(0xa0, inner);
const dataContentInfo = (content: Uint8Array): Uint8Array => derSequence(derOid(OID.data), explicit0(derOctetString(content)));

/**
 * Builds a PKCS#12 (.p12/.pfx) file as OpenSSL 3 writes them by default: the key in a PBES2 / PBKDF2
 * (HMAC-SHA-256) / AES-256-CBC shrouded bag, the certificates in a plain bag (they are public and go into
 * every signed PDF anyway), and an HMAC-SHA-256 integrity MAC. Why not forge's `toPkcs12Asn1`: it would
 * encode a non-ASCII passphrase and friendly name so that OpenSSL and Windows cannot open the file.
 */
export function writePkcs12(input: WritePkcs12Input): Uint8Array {
  const iterations = input.iterations ?? 2048;
  const [own] = input.certificates;
  if (!own) throw new Error('writePkcs12: at least one certificate is required');
  const localKeyId = new Uint8Array(createHash('sha1').update(own).digest());
  const attributes = derSetOf(
    derSequence(derOid(OID.friendlyName), derSetOf(derTlv(0x1e, utf16be(input.friendlyName)))),
    derSequence(derOid(OID.localKeyId), derSetOf(derOctetString(localKeyId))),
  );

  const keyInfo = forge.asn1.fromDer(toBinaryString(input.privateKeyPkcs8));
  const encryptedKey = forge.pki.encryptPrivateKeyInfo(keyInfo, utf8BinaryString(input.passphrase), {
    algorithm: 'aes256',
    count: iterations,
    saltSize: 16,
    prfAlgorithm: 'sha256',
  });
  const keyBag = derSequence(
    derOid(OID.shroudedKeyBag),
    explicit0(fromBinaryString(forge.asn1.toDer(encryptedKey).getBytes())),
    attributes,
  );
  const certBags = input.certificates.map((cert, i) =>
    derSequence(
      derOid(OID.certBag),
      explicit0(derSequence(derOid(OID.x509Certificate), explicit0(derOctetString(cert)))),
      ...(i === 0 ? [attributes] : []),
    ),
  );

  const authenticatedSafe = derSequence(dataContentInfo(derSequence(...certBags)), dataContentInfo(derSequence(keyBag)));
  // RFC 7292 B.2: the MAC key comes from the passphrase as a BMPString (UTF-16BE + two zero bytes).
  const macKey = forge.pkcs12.generateKey(
    input.passphrase,
    forge.util.createBuffer(toBinaryString(input.macSalt)),
    3,
    iterations,
    32,
    forge.md.sha256.create(),
  );
  const mac = createHmac('sha256', fromBinaryString(macKey.getBytes())).update(authenticatedSafe).digest();
  const macData = derSequence(
    derSequence(derSequence(derOid(OID.sha256), derNull()), derOctetString(new Uint8Array(mac))),
    derOctetString(input.macSalt),
    derUnsigned(iterations),
  );
  return derSequence(derUnsigned(3), dataContentInfo(authenticatedSafe), macData);
}

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}
