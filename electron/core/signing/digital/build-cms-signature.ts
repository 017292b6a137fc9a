import type { KeyObject } from 'node:crypto';
import { createHash, sign } from 'node:crypto';
import { certificateInfo } from './certificate-info';
import { derNull, derOctetString, derOid, derSequence, derSetOf, derTime, derTlv, derUnsigned } from './der';

/**
 * `pades`: ETSI.CAdES.detached, PAdES baseline B-B (EN 319 142-1): signed attributes content-type,
 * message-digest and signing-certificate-v2; no signing-time attribute (the claimed time is the /M entry
 * of the signature dictionary, which the signature covers).
 * `pkcs7`: adbe.pkcs7.detached, the older Adobe form: the same attributes plus signing-time.
 */
export type SignatureProfile = 'pades' | 'pkcs7';

export interface CmsSignatureInput {
  /** SHA-256 of the bytes the signature covers (for a PDF: both /ByteRange ranges, in order). 32 bytes. */
  contentDigest: Uint8Array;
  /** DER certificate of `privateKey`. */
  certificate: Uint8Array;
  /** Further DER certificates to embed (the issuing chain), so validators can build the path offline. */
  chain: Uint8Array[];
  /** RSA (PKCS#1 v1.5) or EC (ECDSA) key. */
  privateKey: KeyObject;
  profile: SignatureProfile;
  /** The claimed signing time; written as the signing-time attribute in the `pkcs7` profile only. */
  signingTime: Date;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const attribute = (oid: string, value: Uint8Array): Uint8Array => derSequence(derOid(oid), derSetOf(value));

/**
 * Builds a detached CMS SignedData (RFC 5652) over a precomputed SHA-256 digest and returns its DER:
 * the value of a PDF signature's /Contents. The signer is identified by issuer and serial number copied
 * byte for byte from the certificate.
 */
export function buildCmsSignature(input: CmsSignatureInput): Uint8Array {
  if (input.contentDigest.length !== 32) throw new Error('buildCmsSignature: contentDigest must be a SHA-256 (32 bytes)');
  const cert = certificateInfo(input.certificate);
  const sha256 = derSequence(derOid(OID.sha256));

  // ESSCertIDv2 with the default hash (SHA-256, so omitted) and IssuerSerial (issuer as a directoryName [4]).
  const essCertId = derSequence(
    derOctetString(new Uint8Array(createHash('sha256').update(input.certificate).digest())),
    derSequence(derSequence(derTlv(0xa4, cert.issuerDer)), cert.serialDer),
  );
  const attributes = [
    attribute(OID.contentType, derOid(OID.data)),
    attribute(OID.messageDigest, derOctetString(input.contentDigest)),
    attribute(OID.signingCertificateV2, derSequence(derSequence(essCertId))),
    ...(input.profile === 'pkcs7' ? [attribute(OID.signingTime, derTime(input.signingTime))] : []),
  ];
  // The signature is over the attributes encoded as a DER SET (tag 0x31); in SignerInfo the same bytes
  // carry the [0] IMPLICIT tag instead (RFC 5652 §5.4).
  const signedAttrsSet = derSetOf(...attributes);
  const signedAttrs = Uint8Array.from(signedAttrsSet);
  signedAttrs[0] = 0xa0;

  const isRsa = input.privateKey.asymmetricKeyType === 'rsa';
  const signature = new Uint8Array(sign('sha256', signedAttrsSet, input.privateKey));
  const signatureAlgorithm = isRsa ? derSequence(derOid(OID.rsaEncryption), derNull()) : derSequence(derOid(OID.ecdsaWithSha256));

  const signerInfo = derSequence(
    derUnsigned(1),
    derSequence(cert.issuerDer, cert.serialDer),
    sha256,
    signedAttrs,
    signatureAlgorithm,
    derOctetString(signature),
  );
  const signedData = derSequence(
    derUnsigned(1),
    derSetOf(sha256),
    derSequence(derOid(OID.data)),
    derTlv(0xa0, input.certificate, ...input.chain),
    derSetOf(signerInfo),
  );
  return derSequence(derOid(OID.signedData), derTlv(0xa0, signedData));
}
