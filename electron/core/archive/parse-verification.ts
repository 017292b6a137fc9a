/** A record id as printed: `PD-<yyyymmdd>-<8 Crockford base32>`. */
const RECORD_ID = /^PD-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * The document id and content hash in a QR code's text, `PLEDGEDESK:1:<docId>:<contentHash>`; null for any
 * other text (another program's QR code, a newer payload version).
 */
export function parseQrPayload(text: string): { docId: string; contentHash: string } | null {
  const m = /^PLEDGEDESK:1:([^:\s]+):([0-9a-f]{64})$/i.exec(text.trim());
  return m ? { docId: (m[1] as string).toUpperCase(), contentHash: (m[2] as string).toLowerCase() } : null;
}

/**
 * A typed verification code `<docId>-<first 12 hex of the content hash>`, as printed under the QR code and
 * in every footer, read forgivingly: spaces and case do not matter, full-width characters are folded, and in
 * the id's random part the letters a reader confuses with digits are read as Crockford base32 does
 * (O→0, I and L→1). Null when the text cannot be such a code.
 */
export function parseVerificationCode(text: string): { docId: string; hex: string; normalised: string } | null {
  const compact = text.normalize('NFKC').replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').toUpperCase();
  // Whatever precedes the id (a pasted "校验码 " label) is ignored.
  const at = compact.indexOf('PD');
  const m = at === -1 ? null : /^PD-?(\d{8})-?([0-9A-Z]{8})-?([0-9A-F]{12})$/.exec(compact.slice(at));
  if (!m) return null;
  const random = (m[2] as string).replace(/O/g, '0').replace(/[IL]/g, '1');
  const docId = `PD-${m[1]}-${random}`;
  if (!RECORD_ID.test(docId)) return null;
  const hex = (m[3] as string).toLowerCase();
  return { docId, hex, normalised: `${docId}-${hex}` };
}
