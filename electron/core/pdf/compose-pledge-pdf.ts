import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Signer } from '../../shared/dto';
import type { FieldValues, Template } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';
import { CoreError } from '../errors';
import type { Atom } from './break-lines';
import { breakLines } from './break-lines';
import { formatDateZh } from './format-date-zh';
import { sniffImage } from './image-bytes';
import { A4, mm } from './pdf-units';
import type { Paragraph, Segment } from './pledge-paragraphs';
import { pledgeParagraphs, renderLine } from './pledge-paragraphs';

export interface ComposeInput {
  template: Template;
  values: FieldValues;
  signer: Signer;
  /** The signing date written on the pledge, YYYY-MM-DD. */
  date: string;
  /** PNG or JPEG bytes per signature field id. */
  signatures: Record<string, Uint8Array>;
  seal?: Uint8Array;
  /** A TrueType (glyf) font with CJK coverage; see notes/cjk-pdf.md for why not CFF/OTF. */
  font: Uint8Array;
  docId: string;
  contentHash: string;
  /** Stored as the PDF's creation date. */
  createdAt: Date;
  /** e.g. "Pledge Desk 0.1.0". */
  producer: string;
}

/*
 * Page geometry after GB/T 9704-2012: A4, top margin 37 mm, left margin 28 mm, type area 156 × 225 mm,
 * body 16 pt (三号) on a fixed 22-line grid. The standard asks for 仿宋; no free 仿宋 of good quality exists,
 * so the body is set in LXGW WenKai (楷), the closest open face that renders in every engine.
 */
const LEFT = mm(28);
const TOP = mm(37);
const TYPE_WIDTH = mm(156);
const TYPE_HEIGHT = mm(225);
const BODY = 16;
const PITCH = TYPE_HEIGHT / 22;
const TITLE = 22;
const EM_INDENT = 2 * BODY;
const INK = rgb(0, 0, 0);

interface Line {
  atoms: LaidAtom[];
  x: number;
  size: number;
  /** Vertical space the line takes, in points. */
  height: number;
  /** Optional image drawn at the end of the line (a signature). */
  image?: { image: PDFImage; width: number; height: number };
}

type LaidAtom = Atom & { segment: 'text' | 'value' | 'box' | 'box-checked' };

/** Composes the signed pledge as an A4 PDF and returns its bytes. Pure apart from pdf-lib's own work. */
export async function composePledgePdf(input: ComposeInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(input.font, { subset: true });
  checkGlyphs(font, collectText(input));

  const widthCache = new Map<string, number>();
  const widthOf = (text: string, size: number): number => {
    const key = `${size}|${text}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      w = font.widthOfTextAtSize(text, size);
      widthCache.set(key, w);
    }
    return w;
  };

  const lines: Line[] = [];
  for (const paragraph of pledgeParagraphs(input.template, input.values)) {
    lines.push(...layoutParagraph(paragraph, widthOf));
  }
  lines.push({ atoms: [], x: LEFT, size: BODY, height: PITCH });
  const closing = await layoutClosing(doc, input, widthOf);

  // Paginate: the closing block stays together on one page.
  const pages: Line[][] = [[]];
  let used = 0;
  const place = (line: Line): void => {
    if (used + line.height > TYPE_HEIGHT + 0.01) {
      pages.push([]);
      used = 0;
    }
    (pages[pages.length - 1] as Line[]).push(line);
    used += line.height;
  };
  lines.forEach(place);
  const closingHeight = closing.reduce((sum, l) => sum + l.height, 0);
  if (used + closingHeight > TYPE_HEIGHT) {
    pages.push([]);
    used = 0;
  }
  closing.forEach(place);

  pages.forEach((pageLines, index) => {
    const page = doc.addPage([A4.width, A4.height]);
    let y = A4.height - TOP;
    for (const line of pageLines) {
      const baseline = y - line.height + (line.height - line.size) / 2 + line.size * 0.12;
      drawLine(page, font, line, baseline);
      y -= line.height;
    }
    drawFooter(page, font, index + 1, pages.length, input, widthOf);
  });

  doc.setTitle(input.template.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.signer.name);
  doc.setSubject(`承诺书 ${input.docId}`);
  doc.setKeywords(['承诺书', 'pledge', input.docId, `contentHash:${input.contentHash}`]);
  doc.setProducer(input.producer);
  doc.setCreator(input.producer);
  doc.setLanguage('zh-CN');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  return doc.save();
}

function layoutParagraph(paragraph: Paragraph, widthOf: (t: string, s: number) => number): Line[] {
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
function toAtoms(segments: Segment[], size: number, widthOf: (t: string, s: number) => number): LaidAtom[] {
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

async function layoutClosing(doc: PDFDocument, input: ComposeInput, widthOf: (t: string, s: number) => number): Promise<Line[]> {
  const byId = new Map(input.template.fields.map((f) => [f.id, f]));
  const values = input.values;
  const x = LEFT + TYPE_WIDTH * 0.42;
  const lines: Line[] = [];
  // The signer's printed name (and organisation) above the signature, as GB/T 9704 places the issuer.
  const who = input.signer.organisation ? `${input.signer.name}（${input.signer.organisation}）` : input.signer.name;
  lines.push({ atoms: toAtoms([{ kind: 'text', text: `承诺人：${who}` }], BODY, widthOf), x, size: BODY, height: PITCH });
  for (const raw of input.template.closing.text.split('\n')) {
    if (!raw) continue;
    const parts = splitTemplateText(raw);
    const signatureId = parts.map((p) => ('fieldId' in p ? p.fieldId : '')).find((id) => byId.get(id)?.kind === 'signature');
    const text = parts
      .map((p) => {
        if ('literal' in p) return p.literal;
        const field = byId.get(p.fieldId);
        if (field?.kind === 'signature') return '';
        if (field?.kind === 'date') {
          const value = input.values[p.fieldId];
          return formatDateZh(typeof value === 'string' && value ? value : input.date);
        }
        return `{{${p.fieldId}}}`;
      })
      .join('');
    const atoms = toAtoms(renderLine(text, byId, values), BODY, widthOf);
    const line: Line = { atoms, x, size: BODY, height: PITCH };
    if (signatureId) {
      const bytes = input.signatures[signatureId];
      if (!bytes) throw new CoreError('MISSING_VALUE', 'no signature image for this field', signatureId);
      const image = await embedImage(doc, bytes, signatureId);
      const height = Math.min(PITCH * 1.8, image.height);
      const width = Math.min((image.width / image.height) * height, TYPE_WIDTH * 0.45);
      line.image = { image, width, height: (width / image.width) * image.height };
      line.height = PITCH * 2;
    }
    lines.push(line);
  }
  return lines;
}

async function embedImage(doc: PDFDocument, bytes: Uint8Array, field: string): Promise<PDFImage> {
  const format = sniffImage(bytes);
  try {
    if (format === 'png') return await doc.embedPng(bytes);
    if (format === 'jpeg') return await doc.embedJpg(bytes);
  } catch (error) {
    throw new CoreError('INVALID_IMAGE', `the image cannot be decoded: ${(error as Error).message}`, field);
  }
  throw new CoreError('INVALID_IMAGE', 'the data is not a PNG or JPEG image', field);
}

function drawLine(page: PDFPage, font: PDFFont, line: Line, baseline: number): void {
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

function drawFooter(
  page: PDFPage,
  font: PDFFont,
  number: number,
  total: number,
  input: ComposeInput,
  widthOf: (t: string, s: number) => number,
): void {
  const pageLabel = `第 ${number} 页 共 ${total} 页`;
  const bottom = A4.height - TOP - TYPE_HEIGHT;
  page.drawText(pageLabel, { x: (A4.width - widthOf(pageLabel, 10.5)) / 2, y: bottom - 24, size: 10.5, font, color: INK });
  const trace = `文档编号 ${input.docId}  内容哈希 SHA-256 ${input.contentHash}`;
  page.drawText(trace, { x: (A4.width - widthOf(trace, 7)) / 2, y: bottom - 40, size: 7, font, color: rgb(0.3, 0.3, 0.3) });
}

/** Every character the composer will draw, for the glyph check. */
function collectText(input: ComposeInput): string {
  const parts = [input.template.title, input.template.preamble.text, input.template.closing.text, input.signer.name];
  const walk = (c: { text: string; children: Array<{ text: string; children: unknown[] }> }): void => {
    parts.push(c.text);
    c.children.forEach((child) => walk(child as typeof c));
  };
  for (const s of input.template.sections) {
    parts.push(s.number, s.heading, s.text);
    s.clauses.forEach((c) => walk(c as never));
  }
  for (const field of input.template.fields) parts.push(...(field.options ?? []));
  for (const value of Object.values(input.values)) parts.push(typeof value === 'string' ? value : `${value.option}${value.other ?? ''}`);
  parts.push('第页共文档编号内容哈希年月日0123456789', input.docId, input.contentHash);
  return parts.join('').replace(/\{\{[^{}]*\}\}/g, '');
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** pdf-lib draws a missing glyph as .notdef without complaint: refuse instead, naming the characters. */
function checkGlyphs(font: PDFFont, text: string): void {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x20 || /\s/.test(char)) continue;
    if (!set.has(cp)) missing.add(char);
  }
  if (missing.size > 0) {
    throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw: ${[...missing].slice(0, 20).join(' ')}`);
  }
}
