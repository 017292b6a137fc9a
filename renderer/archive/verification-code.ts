/** How many hex digits of the content hash a verification code carries (as printed under the QR code). */
export const CODE_HEX_DIGITS = 12;

/** The verification code printed on every copy: `<record id>-<first 12 hex digits of the content hash>`. */
export function verificationCode(record: { id: string; contentHash: string }): string {
  return `${record.id}-${record.contentHash.slice(0, CODE_HEX_DIGITS).toLowerCase()}`;
}
