import { createHash } from 'node:crypto';
import type { PDFObject } from 'pdf-lib';
import { PDFArray, PDFDocument, PDFHexString, PDFString } from 'pdf-lib';
import type { UpdateObject } from './append-incremental-update';
import { appendIncrementalUpdate } from './append-incremental-update';
import type { SignatureProfile } from './build-cms-signature';
import { buildCmsSignature } from './build-cms-signature';
import { certificateInfo } from './certificate-info';
import { DigitalSignatureError } from './digital-errors';
import { findPreviousXref } from './find-previous-xref';
import { pdfDateString, pdfTextString } from './pdf-text-string';
import { readPkcs12 } from './read-pkcs12';
import { signatureFieldObjects } from './signature-field-objects';

export interface SignPdfOptions {
  /** The PKCS#12 (.p12/.pfx) file bytes. */
  p12: Uint8Array;
  passphrase: string;
  /** Why the document is signed, e.g. 本人已阅读并同意上述承诺内容. Any Unicode. */
  reason?: string;
  /** Where it is signed, e.g. 浙江省杭州市. Any Unicode. */
  location?: string;
  /** How to reach the signer (phone, e-mail). Any Unicode. */
  contactInfo?: string;
  /** The signer's name for /Name; default the certificate's common name. */
  signerName?: string;
  /** The claimed signing time: /M, and the CMS signing-time in the `pkcs7` profile. Checked against the certificate's validity. */
  signingTime: Date;
  /** Default `pades` (ETSI.CAdES.detached, PAdES B-B); `pkcs7` gives adbe.pkcs7.detached. */
  profile?: SignatureProfile;
}

const SUBFILTER: Record<SignatureProfile, string> = { pades: 'ETSI.CAdES.detached', pkcs7: 'adbe.pkcs7.detached' };
/** Width of each patched /ByteRange number: up to 9,999,999,999 bytes. */
const RANGE_WIDTH = 10;

/**
 * Signs a PDF with the key and certificate in a .p12 and returns the signed bytes: the input unchanged,
 * followed by one incremental update that adds an invisible approval-signature field and its /Sig
 * dictionary (/ByteRange + a detached CMS in /Contents, SHA-256). The signature covers every byte of the
 * result except /Contents itself, so it must be the last change: anything appended or altered afterwards
 * makes validators report the signature as not covering the whole document, or as broken. Earlier
 * signatures in the input stay valid. Text entries (/Name, /Reason, /Location, /ContactInfo) are written
 * as UTF-16BE hex strings, so any Chinese is kept exactly.
 *
 * @throws DigitalSignatureError `P12_INVALID`, `P12_BAD_PASSPHRASE`, `P12_UNSUPPORTED_KEY`,
 *   `CERT_EXPIRED` / `CERT_NOT_YET_VALID` (at `signingTime`), `CERT_WRONG_USAGE`, `PDF_UNSIGNABLE`.
 */
export async function signPdfWithP12(pdfBytes: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  if (Number.isNaN(options.signingTime.getTime())) throw new RangeError('signPdfWithP12: signingTime is not a date');
  const identity = readPkcs12(options.p12, options.passphrase);
  const cert = certificateInfo(identity.certificate);
  checkCertificate(cert, options.signingTime);

  const previous = findPreviousXref(pdfBytes);
  const doc = await loadForUpdate(pdfBytes);
  const context = doc.context;
  context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1);

  const signatureRef = context.nextRef();
  const field = signatureFieldObjects(doc, signatureRef);

  const profile = options.profile ?? 'pades';
  const contentsBytes = 2048 + identity.certificate.length + identity.chain.reduce((n, c) => n + c.length, 0) + 2 * keyBytes(identity.privateKey.asymmetricKeyDetails?.modulusLength);
  const texts = [
    ['Name', options.signerName ?? cert.subject.commonName],
    ['Reason', options.reason],
    ['Location', options.location],
    ['ContactInfo', options.contactInfo],
  ] as const;
  const head = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${SUBFILTER[profile]} /ByteRange [`;
  const rangeIndex = head.length;
  const afterRange = `${rangeText(0, 0, 0)}] /Contents `;
  const contentsIndex = rangeIndex + afterRange.length;
  const tail = texts.reduce((s, [key, value]) => (value ? `${s} /${key} ${pdfTextString(value)}` : s), ` /M ${pdfDateString(options.signingTime)}`);
  const signatureDict = `${head}${afterRange}<${'0'.repeat(contentsBytes * 2)}>${tail} >>`;

  const objects: UpdateObject[] = [{ objectNumber: signatureRef.objectNumber, generation: 0, body: Buffer.from(signatureDict, 'latin1') }];
  for (const [ref, object] of field.objects) objects.push({ objectNumber: ref.objectNumber, generation: ref.generationNumber, body: serialise(object) });

  const update = appendIncrementalUpdate({ original: pdfBytes, objects, previous, trailer: trailerEntries(doc, pdfBytes, options.signingTime) });
  const out = update.bytes;
  const body = update.bodyOffsets.get(signatureRef.objectNumber) as number;
  const gapStart = body + contentsIndex;
  const gapEnd = gapStart + contentsBytes * 2 + 2;
  out.set(Buffer.from(rangeText(gapStart, gapEnd, out.length - gapEnd), 'latin1'), body + rangeIndex);

  const digest = createHash('sha256').update(out.subarray(0, gapStart)).update(out.subarray(gapEnd)).digest();
  const cms = buildCmsSignature({
    contentDigest: new Uint8Array(digest),
    certificate: identity.certificate,
    chain: identity.chain,
    privateKey: identity.privateKey,
    profile,
    signingTime: options.signingTime,
  });
  if (cms.length > contentsBytes) throw new Error(`signature of ${cms.length} bytes exceeds the ${contentsBytes} reserved`);
  out.set(Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1'), gapStart + 1);
  return out;
}

function checkCertificate(cert: ReturnType<typeof certificateInfo>, at: Date): void {
  if (at.getTime() > cert.notAfter.getTime()) {
    throw new DigitalSignatureError('CERT_EXPIRED', `the certificate expired on ${cert.notAfter.toISOString()}, before the signing time ${at.toISOString()}`);
  }
  if (at.getTime() < cert.notBefore.getTime()) {
    throw new DigitalSignatureError('CERT_NOT_YET_VALID', `the certificate is valid only from ${cert.notBefore.toISOString()}, after the signing time ${at.toISOString()}`);
  }
  if (cert.keyUsage && !cert.keyUsage.digitalSignature && !cert.keyUsage.nonRepudiation) {
    throw new DigitalSignatureError('CERT_WRONG_USAGE', 'the certificate may not be used for signatures (key usage)');
  }
}

async function loadForUpdate(pdfBytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new DigitalSignatureError('PDF_UNSIGNABLE', `the PDF cannot be read for signing: ${message}`, { cause });
  }
  if (doc.isEncrypted) throw new DigitalSignatureError('PDF_UNSIGNABLE', 'the PDF is encrypted; it cannot be signed as it is');
  return doc;
}

/** The RSA modulus or EC field size in bytes; the signature is at most twice that plus DER overhead. */
const keyBytes = (modulusBits: number | undefined): number => Math.ceil((modulusBits ?? 1024) / 8);

/** `0 a b c` with each number padded to a fixed width, so patching never moves a byte. */
function rangeText(a: number, b: number, c: number): string {
  if (Math.max(a, b, c) >= 10 ** RANGE_WIDTH) throw new DigitalSignatureError('PDF_UNSIGNABLE', 'the PDF is too large to sign');
  return `0 ${[a, b, c].map((n) => String(n).padEnd(RANGE_WIDTH, ' ')).join(' ')}`;
}

function serialise(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/**
 * /Root, /Info and /ID for the update's trailer. The first /ID element is permanent; the second changes with
 * each revision (§14.4), so it is derived from the previous bytes and the signing time.
 */
function trailerEntries(doc: PDFDocument, pdfBytes: Uint8Array, signingTime: Date): string {
  const { Root, Info, ID } = doc.context.trailerInfo;
  const revision = createHash('sha256').update(pdfBytes).update(signingTime.toISOString()).digest('hex').slice(0, 32).toUpperCase();
  const first = ID instanceof PDFArray ? ID.get(0) : undefined;
  const permanent = first instanceof PDFHexString || first instanceof PDFString ? first.toString() : `<${revision}>`;
  return `/Root ${String(Root)} /ID [${permanent} <${revision}>]${Info ? ` /Info ${Info.toString()}` : ''}`;
}
