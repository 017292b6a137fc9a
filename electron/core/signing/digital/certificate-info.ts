import type { DerNode } from './der';
import { derChildren, derContent, derSlice, readDer, readDerOid, readDerTime } from './der';

/** The parts of an X.509 certificate that signing needs, read from its DER without re-encoding anything. */
export interface CertificateInfo {
  /** The certificate exactly as given. */
  der: Uint8Array;
  /** The issuer Name element, byte-identical to the certificate's (CMS IssuerAndSerialNumber needs that). */
  issuerDer: Uint8Array;
  /** The serialNumber INTEGER element, byte-identical to the certificate's. */
  serialDer: Uint8Array;
  /** Start of validity, inclusive (UTC). */
  notBefore: Date;
  /** End of validity, inclusive (UTC). */
  notAfter: Date;
  /** Subject attributes decoded to JS strings (UTF8String, BMPString and PrintableString alike). */
  subject: { commonName?: string; organisation?: string; country?: string };
  /** Whether the issuer and subject names are the same bytes. */
  selfIssued: boolean;
  /** The keyUsage bits that matter for signing; `null` when the extension is absent (no restriction). */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } | null;
}

const SUBJECT_KEYS: Record<string, keyof CertificateInfo['subject']> = {
  '2.5.4.3': 'commonName',
  '2.5.4.10': 'organisation',
  '2.5.4.6': 'country',
};

/** Parses a DER X.509 certificate; throws a plain Error when it is not one. */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const cert = readDer(der);
  if (cert.tag !== 0x30 || cert.end !== der.length) throw new Error('not a DER certificate');
  const [tbs] = derChildren(der, cert);
  if (!tbs || tbs.tag !== 0x30) throw new Error('certificate has no TBSCertificate');
  const fields = derChildren(der, tbs);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject] = rest;
  if (!serial || !issuer || !validity || !subject) throw new Error('certificate is truncated');
  const [notBefore, notAfter] = derChildren(der, validity);
  if (!notBefore || !notAfter) throw new Error('certificate has no validity');

  const issuerDer = derSlice(der, issuer);
  const subjectDer = derSlice(der, subject);
  return {
    der,
    issuerDer,
    serialDer: derSlice(der, serial),
    notBefore: readDerTime(der, notBefore),
    notAfter: readDerTime(der, notAfter),
    subject: readName(der, subject),
    selfIssued: Buffer.from(issuerDer).equals(subjectDer),
    keyUsage: readKeyUsage(der, rest.find((f) => f.tag === 0xa3)),
  };
}

function readName(der: Uint8Array, name: DerNode): CertificateInfo['subject'] {
  const out: CertificateInfo['subject'] = {};
  for (const rdn of derChildren(der, name)) {
    for (const atv of derChildren(der, rdn)) {
      const [type, value] = derChildren(der, atv);
      if (!type || !value) continue;
      const key = SUBJECT_KEYS[readDerOid(der, type)];
      if (key) out[key] = decodeDirectoryString(der, value);
    }
  }
  return out;
}

/** UTF8String, BMPString (UTF-16BE), UniversalString (UTF-32BE), else Latin-1 (Printable, IA5, T61). */
function decodeDirectoryString(der: Uint8Array, node: DerNode): string {
  const body = derContent(der, node);
  if (node.tag === 0x0c) return new TextDecoder('utf-8').decode(body);
  if (node.tag === 0x1e) return new TextDecoder('utf-16be').decode(body);
  if (node.tag === 0x1c) {
    let s = '';
    for (let i = 0; i + 3 < body.length; i += 4) s += String.fromCodePoint(Buffer.from(body.subarray(i, i + 4)).readUInt32BE(0));
    return s;
  }
  return String.fromCharCode(...body);
}

function readKeyUsage(der: Uint8Array, extensionsTag: DerNode | undefined): CertificateInfo['keyUsage'] {
  if (!extensionsTag) return null;
  const [list] = derChildren(der, extensionsTag);
  if (!list) return null;
  for (const ext of derChildren(der, list)) {
    const parts = derChildren(der, ext);
    const oid = parts[0];
    const value = parts[parts.length - 1];
    if (!oid || !value || readDerOid(der, oid) !== '2.5.29.15') continue;
    // extnValue is an OCTET STRING wrapping a BIT STRING: [unused-bit count, bit bytes…]; bit 0 is the MSB.
    const bits = derContent(der, readDer(der, value.contentStart));
    const first = bits[1] ?? 0;
    return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
  }
  return null;
}
