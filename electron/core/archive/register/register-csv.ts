import { REGISTER_COLUMNS, type RegisterRow } from './register-columns';

/** UTF-8 byte order mark: without it Excel reads a CSV in the system's ANSI code page and garbles Chinese. */
const BOM = '\uFEFF';

/** A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
 * leading apostrophe, so `=HYPERLINK(…)` typed as a shop name stays text; then RFC 4180 quoting: a field
 * holding a comma, quote, CR or LF is quoted, with quotes doubled.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The register as CSV for Excel and WPS: UTF-8 with a BOM, CRLF line ends (RFC 4180), a header row, one row
 * per record. Dates stay ISO text (`2026-11-28`, `2026-11-28T02:30:00.000Z`). Note that Excel shows long
 * digit strings (a revealed 18-digit ID number) in scientific notation when it opens a CSV: the XLSX keeps
 * them as text, so it is the format to hand to people who will open it in Excel.
 */
export function registerCsv(rows: readonly RegisterRow[]): Uint8Array {
  const lines = [REGISTER_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(REGISTER_COLUMNS.map((c) => csvField(row[c.key])).join(','));
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}
