import type { PDFImage } from 'pdf-lib';
import type { Signer } from '../../shared/dto';
import type { FieldValues, Template } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';
import type { DateFormat } from './format-date';
import { formatDate } from './format-date';
import type { Line, WidthOf } from './laid-line';
import { toAtoms } from './laid-line';
import { BODY, CHAR, GRID_TRACKING, LEFT, PITCH, TYPE_WIDTH } from './page-geometry';
import type { Segment } from './pledge-paragraphs';
import { renderLine } from './pledge-paragraphs';

/** One line of the closing block (落款) before layout. */
export interface ClosingLine {
  segments: Segment[];
  /** The signature field whose image ends this line. */
  signatureId?: string;
  /** The line carrying the signing date (right-aligned, GB/T 9704 右空四字). */
  isDate: boolean;
}

/**
 * The closing block as text: the signer (and organisation) line, then the template's closing lines with
 * the date written out in `dateFormat` and each signature field replaced by its image (attached later).
 */
export function closingLines(template: Template, values: FieldValues, signer: Signer, date: string, dateFormat: DateFormat): ClosingLine[] {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const who = signer.organisation ? `${signer.name}（${signer.organisation}）` : signer.name;
  const lines: ClosingLine[] = [{ segments: [{ kind: 'text', text: `承诺人：${who}` }], isDate: false }];
  for (const raw of template.closing.text.split('\n')) {
    if (!raw) continue;
    const parts = splitTemplateText(raw);
    const ids = parts.map((p) => ('fieldId' in p ? p.fieldId : ''));
    const signatureId = ids.find((id) => byId.get(id)?.kind === 'signature');
    const isDate = ids.some((id) => byId.get(id)?.kind === 'date');
    const text = parts
      .map((p) => {
        if ('literal' in p) return p.literal;
        const field = byId.get(p.fieldId);
        if (field?.kind === 'signature') return '';
        if (field?.kind === 'date') {
          const value = values[p.fieldId];
          return formatDate(typeof value === 'string' && value ? value : date, dateFormat);
        }
        return `{{${p.fieldId}}}`;
      })
      .join('');
    lines.push({ segments: renderLine(text, byId, values), isDate, ...(signatureId ? { signatureId } : {}) });
  }
  if (!lines.some((l) => l.isDate)) (lines.at(-1) as ClosingLine).isDate = true;
  return lines;
}

/** The laid-out closing block and where its seal goes. */
export interface ClosingLayout {
  lines: Line[];
  /** Index (in `lines`) of the signer/organisation line and of the date line: the seal presses on both. */
  signerLine: number;
  dateLine: number;
  /** Where the seal is centred: between the middles of the signer's name and of the date. */
  sealCentreX: number;
}

/** Height of a signature on its line: a little under two grid lines. */
const SIGNATURE_HEIGHT = PITCH * 1.8;
/** The date ends four characters short of the right edge of the type area (右空四字). */
const DATE_RIGHT = LEFT + TYPE_WIDTH - 4 * CHAR;

/**
 * Lays out the closing block after GB/T 9704: every line starts at one left edge, chosen so that the date
 * line ends four characters short of the right margin; when a longer line (a long organisation name, or a
 * signature) would cross the margin, the whole block moves left so that it still fits. A signature line is
 * two grid lines high, with the image after its label, scaled down to the room left on the line.
 */
export function layoutClosing(closing: ClosingLine[], images: Record<string, PDFImage>, widthOf: WidthOf): ClosingLayout {
  const right = LEFT + TYPE_WIDTH;
  const laid = closing.map((c) => {
    const atoms = toAtoms(c.segments, BODY, widthOf, GRID_TRACKING);
    const width = atoms.reduce((s, a) => s + a.width, 0);
    const image = c.signatureId ? images[c.signatureId] : undefined;
    const natural = image ? Math.min((image.width / image.height) * SIGNATURE_HEIGHT, 10 * CHAR) : 0;
    return { closing: c, atoms, width, image, natural };
  });
  const dateIndex = closing.findIndex((c) => c.isDate);
  let x = DATE_RIGHT - (laid[dateIndex]?.width ?? 0);
  // Room for every line at this edge; a signature needs at least four characters' width.
  for (const l of laid) x = Math.min(x, right - l.width - (l.image ? 4 + Math.min(l.natural, 4 * CHAR) : 0));
  x = Math.max(LEFT, x);
  const lines = laid.map((l): Line => {
    const line: Line = { atoms: l.atoms, x, size: BODY, height: PITCH, tracking: GRID_TRACKING };
    if (l.image) {
      const width = Math.max(0, Math.min(l.natural, right - (x + l.width + 4)));
      line.image = { image: l.image, width, height: (width / l.image.width) * l.image.height };
      line.height = PITCH * 2;
    } else if (l.closing.signatureId) {
      // Signed in ink on paper: the same room as a drawn signature.
      line.height = PITCH * 2;
    }
    return line;
  });
  // GB/T 9704: the seal presses on the signer's name and the date, so it is centred between the middles of the
  // two values (the text after each line's "：" label).
  const valueMiddle = (l: Line): number => {
    const widths = l.atoms.map((a) => a.width);
    const colon = l.atoms.findIndex((a) => a.text === '：' || a.text === ':');
    const start = widths.slice(0, colon + 1).reduce((s, w) => s + w, 0);
    const end = widths.reduce((s, w) => s + w, 0);
    return l.x + (start + end) / 2;
  };
  const sealCentreX = (valueMiddle(lines[0] as Line) + valueMiddle(lines[dateIndex] as Line)) / 2;
  return { lines, signerLine: 0, dateLine: dateIndex, sealCentreX };
}
