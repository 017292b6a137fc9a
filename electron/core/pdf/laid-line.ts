import type { PDFImage, PDFPage } from 'pdf-lib';
import type { Atom } from './break-lines';
import { balanceLines, breakLines } from './break-lines';
import { BODY, EM_INDENT, GRID_TRACKING, INK, LEFT, PITCH, TITLE, TYPE_WIDTH } from './page-geometry';
import type { PledgeFont } from './embed-subset-font';
import type { Face, Paragraph, Segment } from './pledge-paragraphs';
import { showText } from './show-text';

/** Measures text in PDF points at a font size in one face, without character spacing. */
export type WidthOf = (text: string, size: number, face: Face) => number;

/** The embedded fonts by face. */
export type Fonts = Record<Face, PledgeFont>;

/** One typeset line: its atoms, left edge, size and height, in PDF points. */
export interface Line {
  atoms: LaidAtom[];
  x: number;
  size: number;
  /** Vertical space the line takes, in points. */
  height: number;
  /** Character spacing (PDF `Tc`) the atom widths include: the grid's for body text, else 0. */
  tracking: number;
  /** Extra spacing per character that justifies the line to the full measure (0 when ragged). */
  stretch?: number;
  /** Never the last line on a page (a heading stays with its first paragraph line). */
  keepWithNext?: boolean;
  /** Optional image drawn at the end of the line (a signature). */
  image?: { image: PDFImage; width: number; height: number };
}

export type LaidAtom = Atom & { segment: 'text' | 'value' | 'box' | 'box-checked'; face: Face };

/** At most this much extra space per character (in ems) is added to justify a line; beyond it, it stays ragged. */
const MAX_STRETCH = 0.25;

const glyphCount = (text: string): number => [...text].length;

/**
 * Breaks one paragraph into lines on the grid: the title centred and balanced over its lines, body
 * paragraphs and headings indented two characters and justified to the full measure except their last line.
 */
export function layoutParagraph(paragraph: Paragraph, widthOf: WidthOf): Line[] {
  if (paragraph.role === 'title') {
    const atoms = toAtoms(paragraph.segments, TITLE, widthOf, 0);
    const lines = balanceLines(atoms, TYPE_WIDTH).map((a): Line => {
      const w = a.reduce((s, x) => s + x.width, 0);
      return { atoms: a as LaidAtom[], x: LEFT + (TYPE_WIDTH - w) / 2, size: TITLE, height: PITCH, tracking: 0 };
    });
    // One empty grid line under the title, as GB/T 9704 leaves before the body.
    lines.push({ atoms: [], x: LEFT, size: BODY, height: PITCH, tracking: 0 });
    return lines;
  }
  const atoms = toAtoms(paragraph.segments, BODY, widthOf, GRID_TRACKING);
  const broken = breakLines(atoms, TYPE_WIDTH - EM_INDENT, TYPE_WIDTH);
  return broken.map((a, i): Line => {
    const line: Line = { atoms: a as LaidAtom[], x: LEFT + (i === 0 ? EM_INDENT : 0), size: BODY, height: PITCH, tracking: GRID_TRACKING };
    if (i < broken.length - 1) line.stretch = justify(line.atoms, TYPE_WIDTH - (i === 0 ? EM_INDENT : 0), BODY);
    if (paragraph.role === 'heading') line.keepWithNext = true;
    return line;
  });
}

/** The extra spacing per character that makes `atoms` fill `measure`, or 0 where that would look gappy. */
export function justify(atoms: readonly Atom[], measure: number, size: number): number {
  const width = atoms.reduce((s, a) => s + a.width, 0);
  const gaps = glyphCount(atoms.map((a) => a.text).join('').trimEnd()) - 1;
  if (gaps < 1 || width >= measure) return 0;
  const stretch = (measure - width) / gaps;
  return stretch <= MAX_STRETCH * size ? stretch : 0;
}

const WORD = /[A-Za-z0-9][A-Za-z0-9.%％\-_/:+]*|\s+|[\s\S]/gu;
const UNIT_START = /^(个工作日|工作日|个小时|小时|分钟|个月|万元|[%％天日周月年次起人家件元倍])/u;

/**
 * Splits segments into atoms: one per Han character, one per Latin word or number, one per filled value.
 * Boxes and the padding around values are spaces in the text itself, so that every line reads in order in
 * text extraction (pdftotext, search, screen readers). Each atom's width includes `tracking` per character.
 */
export function toAtoms(segments: Segment[], size: number, widthOf: WidthOf, tracking: number): LaidAtom[] {
  const atoms: LaidAtom[] = [];
  const measure = (text: string, face: Face): number => widthOf(text, size, face) + glyphCount(text) * tracking;
  let glueNext = false;
  for (const segment of segments) {
    if (segment.kind === 'box') {
      // Two spaces hold the place of the box drawn over them. A wider gap, or U+3000, makes text extractors
      // (poppler) split the line into columns, so the box is drawn a little smaller than a Han character.
      const text = '  ';
      atoms.push({ text, width: measure(text, 'body'), segment: segment.checked ? 'box-checked' : 'box', face: 'body', glue: glueNext });
      glueNext = true; // the option text stays with its box
      continue;
    }
    if (segment.kind === 'value') {
      if (widthOf(segment.text, size, 'body') > TYPE_WIDTH * 0.6) {
        // A long answer wraps like text, still underlined.
        for (const m of segment.text.matchAll(WORD)) {
          for (const text of splitWide(m[0], (t) => measure(t, 'body'))) atoms.push({ text, width: measure(text, 'body'), segment: 'value', face: 'body' });
        }
      } else {
        // Wider gaps would make text extractors split the line into columns: pad with one space each side.
        const text = ` ${segment.text} `;
        atoms.push({ text, width: measure(text, 'body'), segment: 'value', face: 'body', glue: glueNext });
      }
      glueNext = true; // a unit right after a value stays on its line
      continue;
    }
    const face = segment.face ?? 'body';
    let first = true;
    let afterNumber = false;
    for (const m of segment.text.matchAll(WORD)) {
      // A unit right after a number stays with it: after a filled value (the segment before) or in the text ("7个工作日").
      const unit = (first ? glueNext : afterNumber) && UNIT_START.test(segment.text.slice(m.index));
      const afterBox = first && glueNext && atoms.at(-1)?.segment.startsWith('box') === true;
      splitWide(m[0], (t) => measure(t, face)).forEach((text, i) => {
        atoms.push({ text, width: measure(text, face), segment: 'text', face, glue: i === 0 && (unit || afterBox) });
      });
      first = false;
      afterNumber = /\d$/u.test(m[0]);
    }
    glueNext = false;
  }
  return atoms;
}

/**
 * A word too wide for any line (a long URL or account number) as one piece per character, so that it fills
 * the rest of its line and breaks wherever it must (never before a character that may not start a line:
 * breakLines sees to that). Other words are returned whole.
 */
export function splitWide(word: string, measure: (text: string) => number): string[] {
  return measure(word) > TYPE_WIDTH - EM_INDENT ? [...word] : [word];
}

/** Draws a line as one text run per face (so it reads in order), then its underlines, boxes and image. */
export function drawLine(page: PDFPage, fonts: Fonts, line: Line, baseline: number): void {
  const stretch = line.stretch ?? 0;
  const advance = (atom: LaidAtom): number => atom.width + glyphCount(atom.text) * stretch;
  const tc = line.tracking + stretch;
  let x = line.x;
  let runStart = 0;
  for (let i = 1; i <= line.atoms.length; i++) {
    const start = line.atoms[runStart] as LaidAtom | undefined;
    if (!start || (i < line.atoms.length && (line.atoms[i] as LaidAtom).face === start.face)) continue;
    const run = line.atoms.slice(runStart, i);
    const text = run.map((a) => a.text).join('');
    const drawn = i === line.atoms.length ? text.trimEnd() : text;
    if (drawn.trim()) showText(page, fonts[start.face], drawn, x, baseline, line.size, tc);
    x += run.reduce((s, a) => s + advance(a), 0);
    runStart = i;
  }
  x = line.x;
  for (const atom of line.atoms) {
    const width = advance(atom);
    if (atom.segment === 'box' || atom.segment === 'box-checked') {
      const side = Math.min(line.size * 0.62, width - 1);
      drawBox(page, x + (width - side) / 2, baseline - line.size * 0.06, side, atom.segment === 'box-checked');
    } else if (atom.segment === 'value') {
      page.drawLine({ start: { x, y: baseline - 3 }, end: { x: x + width, y: baseline - 3 }, thickness: 0.6, color: INK });
    }
    x += width;
  }
  if (line.image) {
    const { image, width, height } = line.image;
    page.drawImage(image, { x: x + 4, y: baseline - height * 0.35, width, height });
  }
}

/** A choice box as vector shapes: none of the usual CJK fonts has ☐/☑ glyphs. */
function drawBox(page: PDFPage, x: number, y: number, side: number, checked: boolean): void {
  page.drawRectangle({ x, y, width: side, height: side, borderColor: INK, borderWidth: 0.8 });
  if (checked) {
    page.drawSvgPath(`M ${side * 0.18} ${side * 0.5} L ${side * 0.42} ${side * 0.78} L ${side * 0.84} ${side * 0.2}`, {
      x,
      y: y + side,
      borderColor: INK,
      borderWidth: 1.4,
    });
  }
}
