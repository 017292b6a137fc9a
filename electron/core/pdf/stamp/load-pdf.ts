import { EncryptedPDFError, ParseSpeeds, PDFDocument } from '@cantoo/pdf-lib';
import { repairDecrypted } from './repair-decrypted';
import { StampError } from './stamp-errors';

/** 100 MB: larger files are refused before parsing, so one huge file cannot exhaust the worker's memory. */
export const DEFAULT_MAX_PDF_BYTES = 100 * 1024 * 1024;

/** How the source was protected. `needs-password` means it opened only with the password the caller gave. */
export type PdfEncryption = 'none' | 'needs-password' | 'permissions-only';

export interface LoadedPdf {
  doc: PDFDocument;
  encryption: PdfEncryption;
  pageCount: number;
}

export interface LoadPdfOptions {
  /** The user password, if the caller has one. Without it, only files that open with an empty password load. */
  password?: string;
  maxBytes?: number;
  /** Keep the original bytes so that changes can be appended as an incremental update (signed files). */
  forIncrementalUpdate?: boolean;
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Where "%PDF-" starts; the spec lets it follow up to 1,024 bytes of junk (viewers accept that). */
function headerOffset(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - PDF_HEADER.length, 1024);
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < PDF_HEADER.length; k++) if (bytes[i + k] !== PDF_HEADER[k]) continue outer;
    return i;
  }
  return -1;
}

/** Refuses what is too large or not a PDF before any parsing. */
export function checkPdfBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_PDF_BYTES): void {
  if (bytes.length > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new StampError('PDF_TOO_LARGE', `the PDF is ${mb(bytes.length)} MB; the limit is ${mb(maxBytes)} MB`);
  }
  if (headerOffset(bytes) < 0) {
    throw new StampError('PDF_NOT_PDF', bytes.length === 0 ? 'the file is empty' : 'the file is not a PDF (no %PDF- header)');
  }
}

/** Cheap check for an /Encrypt entry, used only to word errors: the parser decides for real. */
function mentionsEncrypt(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
}

/**
 * Parses a PDF for stamping. Never uses `ignoreEncryption`: with it, pdf-lib appends unencrypted content to
 * an encrypted file and viewers then "decrypt" the stamp into garbage, an output that silently lacks it.
 * A file that opens with an empty user password (permissions-only protection) is decrypted in memory.
 *
 * @throws StampError PDF_TOO_LARGE, PDF_NOT_PDF, PDF_ENCRYPTED (a password is needed, or it was wrong, or the
 *   encryption cannot be undone), PDF_DAMAGED (unreadable structure, no pages).
 */
export async function loadPdf(bytes: Uint8Array, options: LoadPdfOptions = {}): Promise<LoadedPdf> {
  checkPdfBytes(bytes, options.maxBytes);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      // Why: '' is the empty user password; it decrypts permissions-only files and changes nothing otherwise.
      password: options.password ?? '',
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
      forIncrementalUpdate: options.forIncrementalUpdate ?? false,
    });
  } catch (error) {
    const text = describe(error);
    if (error instanceof EncryptedPDFError || /NEEDS PASSWORD|password/i.test(text)) {
      throw new StampError(
        'PDF_ENCRYPTED',
        options.password ? 'the PDF is encrypted and the password is wrong' : 'the PDF is encrypted and needs a password to open',
      );
    }
    if (mentionsEncrypt(bytes)) throw new StampError('PDF_ENCRYPTED', `the PDF is encrypted and cannot be decrypted (${text})`);
    throw new StampError('PDF_DAMAGED', `the PDF is damaged and cannot be read (${text})`);
  }
  // Why: cantoo clears isDecrypted for files parsed without a key; a created document never gets here.
  const decrypted = (doc.context as { isDecrypted?: boolean }).isDecrypted === true;
  if (doc.isEncrypted) throw new StampError('PDF_ENCRYPTED', 'the PDF is encrypted and could not be decrypted');
  if (decrypted) await repairDecrypted(doc, bytes);
  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch (error) {
    throw new StampError('PDF_DAMAGED', `the PDF's page tree is damaged (${describe(error)})`);
  }
  if (pageCount === 0) throw new StampError('PDF_DAMAGED', 'the PDF has no pages');
  const encryption: PdfEncryption = !decrypted ? 'none' : options.password ? 'needs-password' : 'permissions-only';
  return { doc, encryption, pageCount };
}
