import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import type { Atom } from './break-lines';
import { breakLines } from './break-lines';
import { BODY, EM_INDENT, INK, LEFT, PITCH, TITLE, TYPE_WIDTH } from './page-geometry';
import type { Paragraph, Segment } from './pledge-paragraphs';

/** Measures text in PDF points at a font size. */
export type WidthOf = (text: string, size: number) => number;

/** One typeset line: its atoms, left edge, size and height, in PDF points. */
export interface Line {
  atoms: LaidAtom[];
  x: number;
  size: number;
  /** Vertical space the line takes, in points. */
  height: number;
  /** Optional image drawn at the end of the line (a signature). */
  image?: { image: PDFImage; width: number; height: number };
}

export type LaidAtom = Atom & { segment: 'text' | 'value' | 'box' | 'box-checked' };

/** Breaks one paragraph into lines: the title centred, body paragraphs indented two characters. */
export function layoutParagraph(paragraph: Paragraph, widthOf: WidthOf): Line[] {
  const size = paragraph.role === 'title' ? TITLE : BODY;
  const atoms = toAtoms(paragraph.segments, size, widthOf);
  if (paragraph.role === 'title') {
    const broken = breakLines(atoms, TYPE_WIDTH, TYPE_WIDTH);
    const lines = broken.map((a): Line => {
      const w = a.reduce((s, x) => s + x.width, 0);
      return { atoms: a as LaidAtom[], x: LEFT + (TYPE_WIDTH - w) / 2, size, height: PITCH * 1.25 };
    });
    // A blank grid line under the title, as official documents leave.
    lines.push({ atoms: [], x: LEFT, size: BODY, height: PITCH * 0.5 });
    return lines;
  }
  const broken = breakLines(atoms, TYPE_WIDTH - EM_INDENT, TYPE_WIDTH);
  return broken.map((a, i) => ({ atoms: a as LaidAtom[], x: LEFT + (i === 0 ? EM_INDENT : 0), size, height: PITCH }));
}

const WORD = /[A-Za-z0-9][A-Za-z0-9.%％\-_/:+]*|\s+|[\s\S]/gu;
const UNIT_START = /^(个工作日|工作日|个小时|小时|分钟|个月|万元|[%％天日周年次起人家件元倍])/;

/**
 * Splits segments into atoms: one per Han character, one per Latin word or number, one per filled value.
 * Boxes and the padding around values are spaces in the text itself, so that every line is drawn as one text
 * run and text extraction (pdftotext, search, screen readers) reads the line in order.
 */
export function toAtoms(segments: Segment[], size: number, widthOf: WidthOf): LaidAtom[] {
  const atoms: LaidAtom[] = [];
  let glueNext = false;
  for (const segment of segments) {
    if (segment.kind === 'box') {
      // Two spaces hold the place of the box drawn over them. A wider gap, or U+3000, makes text extractors
      // (poppler) split the line into columns, so the box is drawn a little smaller than a Han character.
      const text = '  ';
      atoms.push({ text, width: widthOf(text, size), segment: segment.checked ? 'box-checked' : 'box', glue: glueNext });
      glueNext = true; // the option text stays with its box
      continue;
    }
    if (segment.kind === 'value') {
      const textWidth = widthOf(segment.text, size);
      if (textWidth > TYPE_WIDTH * 0.6) {
        // A long answer wraps like text, still underlined.
        for (const m of segment.text.matchAll(WORD)) atoms.push({ text: m[0], width: widthOf(m[0], size), segment: 'value' });
      } else {
        // Wider gaps would make text extractors split the line into columns: pad with one space each side.
        const text = ` ${segment.text} `;
        void textWidth;
        atoms.push({ text, width: widthOf(text, size), segment: 'value', glue: glueNext });
      }
      glueNext = true; // a unit right after a value stays on its line
      continue;
    }
    let first = true;
    for (const m of segment.text.matchAll(WORD)) {
      const glue = first && glueNext && UNIT_START.test(segment.text);
      atoms.push({ text: m[0], width: widthOf(m[0], size), segment: 'text', glue: glue || (first && glueNext && atoms.at(-1)?.segment.startsWith('box') === true) });
      first = false;
    }
    glueNext = false;
  }
  return atoms;
}

/** Draws a line as ONE text run, then its underlines, boxes and image. */
export function drawLine(page: PDFPage, font: PDFFont, line: Line, baseline: number): void {
  const text = line.atoms.map((a) => a.text).join('').replace(/\s+$/, '');
  if (text) page.drawText(text, { x: line.x, y: baseline, size: line.size, font, color: INK });
  let x = line.x;
  for (const atom of line.atoms) {
    if (atom.segment === 'box' || atom.segment === 'box-checked') {
      const side = Math.min(line.size * 0.62, atom.width - 1);
      drawBox(page, x + (atom.width - side) / 2, baseline - line.size * 0.06, side, atom.segment === 'box-checked');
    } else if (atom.segment === 'value') {
      page.drawLine({ start: { x, y: baseline - 3 }, end: { x: x + atom.width, y: baseline - 3 }, thickness: 0.6, color: INK });
    }
    x += atom.width;
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

