/**
 * Splits RFC 4180 CSV into rows of fields: quoted fields may hold commas, doubled quotes and line breaks, and an
 * empty field stays a field. Records end with `eol` outside quotes. With `requireFinalEol` the text must end
 * with it (a register is checked for that); otherwise a last record without one is kept.
 */
export function parseCsv(text: string, eol: '\r\n' | '\n', requireFinalEol = false): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (text.startsWith(eol, i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += eol.length - 1;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    if (requireFinalEol) throw new Error(`the CSV does not end with ${JSON.stringify(eol)}`);
    row.push(field);
    rows.push(row);
  }
  return rows;
}
