import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Signer } from '../../shared/dto';
import type { FieldValues, Template } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';
import { CoreError } from '../errors';
import type { Evidence } from '../signing/evidence';
import { breakLines } from './break-lines';
import { checkGlyphs } from './check-glyphs';
import { drawQr, verificationCode, verificationPayload } from './draw-qr';
import { formatDateZh } from './format-date-zh';
import { sniffImage } from './image-bytes';
import type { LaidAtom, Line, WidthOf } from './laid-line';
import { drawLine, layoutParagraph, toAtoms } from './laid-line';
import { BODY, INK, LEFT, PITCH, TOP, TYPE_HEIGHT, TYPE_WIDTH } from './page-geometry';
import { A4, mm } from './pdf-units';
import { pledgeParagraphs, renderLine } from './pledge-paragraphs';

export interface ComposeInput {
  template: Template;
  values: FieldValues;
  signer: Signer;
  /** The signing date written on the pledge, YYYY-MM-DD. */
  date: string;
  /** PNG or JPEG bytes per signature field id. */
  signatures: Record<string, Uint8Array>;
  /** A company seal (公章), drawn over the signer and date lines as seals are. */
  seal?: Uint8Array;
  /** A TrueType (glyf) font with CJK coverage; see notes/cjk-pdf.md for why not CFF/OTF. */
  font: Uint8Array;
  docId: string;
  contentHash: string;
  /** Printed on the appended evidence page and embedded as `evidence.json`. */
  evidence: Evidence;
  /** Stored as the PDF's creation date. */
  createdAt: Date;
  /** e.g. "Pledge Desk 0.1.0". */
  producer: string;
}

/** Side of the seal: the common 42 mm round 公章. */
const SEAL = mm(42);
const SMALL = 10.5;
const SMALL_PITCH = 17;

/**
 * Composes the signed pledge as an A4 PDF and returns its bytes: the pledge typeset after GB/T 9704, the
 * signatures, seal and date on the closing lines, an evidence page, a QR code and the verification code,
 * `evidence.json` attached. Pure apart from pdf-lib's own work.
 */
export async function composePledgePdf(input: ComposeInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(input.font, { subset: true });
  const evidenceText = evidenceLines(input.evidence);
  checkGlyphs(font, `${collectText(input)}${evidenceText.join('')}`);

  const widthCache = new Map<string, number>();
  const widthOf: WidthOf = (text, size) => {
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
  const closingStart = (pages[pages.length - 1] as Line[]).length;
  closing.forEach(place);
  const evidencePage = layoutEvidence(evidenceText, widthOf);
  const total = pages.length + 1;
  const code = verificationCode(input.docId, input.contentHash);
  const seal = input.seal ? await embedImage(doc, input.seal, 'seal') : null;

  pages.forEach((pageLines, index) => {
    const page = doc.addPage([A4.width, A4.height]);
    const baselines = drawLines(page, font, pageLines);
    if (seal && index === pages.length - 1) {
      // Over the signer line and the date, as a seal is pressed on paper; multiply keeps the ink underneath legible.
      const first = baselines[closingStart] ?? 0;
      const last = baselines[baselines.length - 1] ?? 0;
      const size = Math.min(SEAL, (seal.width / seal.height) * SEAL);
      page.drawImage(seal, { x: LEFT + TYPE_WIDTH * 0.62, y: (first + last) / 2 - SEAL / 2 + BODY / 2, width: size, height: (size * seal.height) / seal.width, opacity: 0.9 });
    }
    drawFooter(page, font, index + 1, total, code, widthOf);
  });
  const last = doc.addPage([A4.width, A4.height]);
  drawLines(last, font, evidencePage);
  const qrSide = mm(30);
  const qrX = LEFT + TYPE_WIDTH - qrSide;
  const qrY = A4.height - TOP - TYPE_HEIGHT + mm(6);
  drawQr(last, verificationPayload(input.docId, input.contentHash), qrX, qrY, qrSide);
  const label = `校验码 ${code}`;
  last.drawText(label, { x: qrX + qrSide - widthOf(label, 8), y: qrY - 10, size: 8, font, color: INK });
  drawFooter(last, font, total, total, code, widthOf);

  const json = new TextEncoder().encode(`${JSON.stringify(input.evidence, null, 2)}\n`);
  await doc.attach(json, 'evidence.json', {
    mimeType: 'application/json',
    description: 'Pledge Desk signing evidence',
    creationDate: input.createdAt,
    modificationDate: input.createdAt,
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

/** Draws lines from the top of the type area down; returns each line's baseline. */
function drawLines(page: PDFPage, font: PDFFont, lines: Line[]): number[] {
  let y = A4.height - TOP;
  return lines.map((line) => {
    const baseline = y - line.height + (line.height - line.size) / 2 + line.size * 0.12;
    drawLine(page, font, line, baseline);
    y -= line.height;
    return baseline;
  });
}

/** The evidence page as text lines (label: value), in the order a reader checks them. */
function evidenceLines(e: Evidence): string[] {
  const signer = [e.signer.name, e.signer.organisation, e.signer.type].filter(Boolean).join('，');
  const ids = [
    e.signer.creditCode && `统一社会信用代码 ${e.signer.creditCode}`,
    e.signer.idNumber && `身份证号 ${maskId(e.signer.idNumber)}`,
    e.signer.phone && `联系电话 ${e.signer.phone}`,
  ].filter(Boolean);
  const acks = e.clauses.map((c) => `${c.number || c.key}：${c.acknowledgedAt ? formatInstant(c.acknowledgedAt) : '未逐条确认'}`);
  return [
    `文档编号：${e.documentId}`,
    `承诺书：${e.templateTitle}`,
    `模板版本：${e.templateVersion}`,
    `签署人：${signer}${ids.length ? `（${ids.join('，')}）` : ''}`,
    `开始填写：${formatInstant(e.draftStartedAt)}`,
    `签署时间：${formatInstant(e.signedAt)}；落款日期：${formatDateZh(e.date)}`,
    `内容摘要（SHA-256）：${e.contentHash}`,
    `条款确认时间：${acks.length ? acks.join('；') : '无'}`,
    `生成程序：Pledge Desk ${e.appVersion}`,
    `说明：${e.statement}`,
  ];
}

function layoutEvidence(texts: string[], widthOf: WidthOf): Line[] {
  const lines: Line[] = [];
  const title = toAtoms([{ kind: 'text', text: '签署证据页' }], 18, widthOf) as LaidAtom[];
  const titleWidth = title.reduce((s, a) => s + a.width, 0);
  lines.push({ atoms: title, x: LEFT + (TYPE_WIDTH - titleWidth) / 2, size: 18, height: PITCH * 1.5 });
  for (const text of texts) {
    const atoms = toAtoms([{ kind: 'text', text }], SMALL, widthOf);
    for (const line of breakLines(atoms, TYPE_WIDTH, TYPE_WIDTH)) {
      lines.push({ atoms: line as LaidAtom[], x: LEFT, size: SMALL, height: SMALL_PITCH });
    }
    lines.push({ atoms: [], x: LEFT, size: SMALL, height: 4 });
  }
  return lines;
}

/** An ISO instant as local-looking text with its zone, e.g. "2026-11-28 10:42:13 UTC". */
function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** An ID number on the evidence page: the region and the check digit, never the birth date. */
function maskId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id;
}

async function layoutClosing(doc: PDFDocument, input: ComposeInput, widthOf: WidthOf): Promise<Line[]> {
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

/** "第 X 页 共 Y 页" under the type area and, below it, the verification code that ties a printed page to its record. */
function drawFooter(page: PDFPage, font: PDFFont, number: number, total: number, code: string, widthOf: WidthOf): void {
  const pageLabel = `第 ${number} 页 共 ${total} 页`;
  const bottom = A4.height - TOP - TYPE_HEIGHT;
  page.drawText(pageLabel, { x: (A4.width - widthOf(pageLabel, SMALL)) / 2, y: bottom - 24, size: SMALL, font, color: INK });
  const trace = `文档编号 ${code.slice(0, code.lastIndexOf('-'))}  校验码 ${code}`;
  page.drawText(trace, { x: (A4.width - widthOf(trace, 7.5)) / 2, y: bottom - 40, size: 7.5, font, color: rgb(0.3, 0.3, 0.3) });
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
  parts.push('第页共文档编号校验码年月日0123456789', input.docId, input.contentHash);
  return parts.join('').replace(/\{\{[^{}]*\}\}/g, '');
}

