/**
 * Error codes for PDFs the user brings to be stamped. They are meant to join `ERROR_CODES` in
 * `electron/shared/api-error.ts`; until they do, `StampError` carries them and the host maps it like a
 * `CoreError`. Never rename a code: add a new one.
 */
export const PDF_ERROR_CODES = [
  /** The bytes are not a PDF at all (no `%PDF-` header near the start): an image, a Word file, an empty file. */
  'PDF_NOT_PDF',
  /** The file claims to be a PDF but cannot be read: broken cross-reference table, no page tree, no pages. */
  'PDF_DAMAGED',
  /** The PDF needs a password to open (or uses an encryption this app cannot undo). */
  'PDF_ENCRYPTED',
  /** The PDF is larger than the size cap (100 MB by default). */
  'PDF_TOO_LARGE',
  /** Loading, stamping and saving took longer than the time limit; the worker was stopped. */
  'PDF_TIMEOUT',
] as const;

export type PdfErrorCode = (typeof PDF_ERROR_CODES)[number];

/**
 * The one error type the stamping code throws for a problem with the input PDF. `message` is English and names
 * the problem (for logs and the CLI's `error:` line); the UI shows its own Chinese text chosen by `code`.
 * Mirrors `CoreError` so the lead can merge the two once the codes are in the contract.
 */
export class StampError extends Error {
  readonly code: PdfErrorCode;

  constructor(code: PdfErrorCode, message: string) {
    super(message);
    this.name = 'StampError';
    this.code = code;
  }

  /** JSON shape of `ApiError`, so it can cross a worker, IPC or HTTP boundary unchanged. */
  toJSON(): { code: PdfErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isPdfErrorCode(value: unknown): value is PdfErrorCode {
  return typeof value === 'string' && (PDF_ERROR_CODES as readonly string[]).includes(value);
}
