/**
 * Error codes of the optional digital (PKCS#7 / PAdES) signature. Like `ERROR_CODES` in
 * `shared/api-error.ts` they are stable and serialisable; they are meant to be merged into that list so
 * that `dispatch` can pass them through unchanged. Never rename one: add a new one.
 */
export const DIGITAL_SIGNATURE_ERROR_CODES = [
  /** The .p12 / .pfx opened, but the passphrase does not unlock it (MAC or key decryption failed). */
  'P12_BAD_PASSPHRASE',
  /** The bytes are not a PKCS#12 file, or it holds no private key with its certificate. */
  'P12_INVALID',
  /** The key in the .p12 is of a kind that cannot sign here (only RSA and ECDSA keys can). */
  'P12_UNSUPPORTED_KEY',
  /** The certificate's validity ended before the signing time. */
  'CERT_EXPIRED',
  /** The certificate's validity starts after the signing time (often a wrong system clock). */
  'CERT_NOT_YET_VALID',
  /** The certificate's key usage forbids signatures (neither digitalSignature nor nonRepudiation). */
  'CERT_WRONG_USAGE',
  /** The PDF cannot take an incremental signature: encrypted, damaged, or its cross-reference cannot be found. */
  'PDF_UNSIGNABLE',
] as const;

export type DigitalSignatureErrorCode = (typeof DIGITAL_SIGNATURE_ERROR_CODES)[number];

/**
 * Thrown by the digital-signature functions on purpose; anything else they throw is a bug. `message` is
 * English for logs and the CLI; the UI chooses its Chinese text by `code`. Once the codes are merged into
 * the contract, `dispatch` can treat this like `CoreError`.
 */
export class DigitalSignatureError extends Error {
  readonly code: DigitalSignatureErrorCode;

  constructor(code: DigitalSignatureErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DigitalSignatureError';
    this.code = code;
  }

  /** The `{code, message}` shape of `ApiError`. */
  toApiError(): { code: DigitalSignatureErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
