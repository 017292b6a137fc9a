import { CoreError } from '../../errors';

/**
 * Decodes a plain-text document whatever its encoding: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM,
 * else GB18030 (a superset of GBK and GB2312, what Chinese Windows saves as "ANSI"). UTF-8 is tried strictly
 * first: a GBK file is almost never valid UTF-8, while a UTF-8 file is always valid GB18030.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeBomlessUtf16(bytes)) {
    return new TextDecoder(bytes[0] === 0 ? 'utf-16be' : 'utf-16le').decode(bytes);
  }
  if (isBinary(bytes)) throw new CoreError('IMPORT_UNSUPPORTED', 'the file is binary, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** UTF-16 without a BOM: every other byte of ASCII text is NUL. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (oddNul > pairs * 0.3 && evenNul === 0) || (evenNul > pairs * 0.3 && oddNul === 0);
}

/** NUL bytes or many control characters in the first 8 KB mean a binary file. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}
