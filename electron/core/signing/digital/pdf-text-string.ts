/**
 * A PDF text string (ISO 32000-1 §7.9.2.2) for any Unicode text: UTF-16BE with the FEFF byte-order mark,
 * written as a hex string. Why hex: a literal `( … )` string of UTF-16 bytes would need every 0x28, 0x29 and
 * 0x5C byte escaped (五 is U+4E94, 和 is U+548C…); hex needs no escaping and stays ASCII. Surrogate pairs
 * pass through as the two code units UTF-16 requires.
 */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** A PDF date string (§7.9.4) in UTC, whole seconds: `(D:20261128023000Z)`. */
export function pdfDateString(date: Date): string {
  const iso = date.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}
