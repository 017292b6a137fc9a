/**
 * node-forge works on "binary strings" (one char per byte, 0–255). These two convert at the boundary so
 * that everything else in this folder handles Uint8Array only.
 */
export function toBinaryString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The inverse of `toBinaryString`; every char must be 0–255. */
export function fromBinaryString(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'latin1'));
}

/**
 * A passphrase as the UTF-8 bytes PBES2/PBKDF2 uses (RFC 8018 leaves the encoding open; OpenSSL and
 * Windows use UTF-8). Why: forge would feed the JS string's UTF-16 code units to PBKDF2 truncated to
 * bytes, which makes a .p12 with a Chinese passphrase unreadable elsewhere.
 */
export function utf8BinaryString(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
