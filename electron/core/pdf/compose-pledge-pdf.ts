import type { PDFImage, PDFPage } from 'pdf-lib';
import { BlendMode, PDFDocument } from 'pdf-lib';
import type { Signer } from '../../shared/dto';
import type { FieldValues, Template } from '../../shared/template';
import { CoreError } from '../errors';
import type { Evidence } from '../signing/evidence';
import { checkGlyphs } from './check-glyphs';
import { drawFooter, pageLabel, traceLine } from './draw-footer';
import { drawQr, verificationCode, verificationPayload } from './draw-qr';
import { embedSubsetFont } from './embed-subset-font';
import type { DateFormat } from './format-date';
import { sniffImage } from './image-bytes';
import type { Fonts, Line, WidthOf } from './laid-line';
import { drawLine, layoutParagraph } from './laid-line';
import { closingLines, layoutClosing } from './layout-closing';
import { EVIDENCE_TITLE, evidenceLines, layoutEvidence } from './layout-evidence';
import { paginate } from './paginate';
import { BODY, LEFT, PITCH, TOP, TYPE_HEIGHT, TYPE_WIDTH } from './page-geometry';
import { A4, mm } from './pdf-units';
import type { Face } from './pledge-paragraphs';
import { paragraphText, pledgeParagraphs } from './pledge-paragraphs';
import { showText } from './show-text';

/** The steps of composing, reported through `onPhase` as each ends (for the benchmark). */
export type ComposePhase = 'prepare' | 'fonts' | 'layout' | 'draw' | 'embed' | 'save';

export interface ComposeInput {
  template: Template;
  values: FieldValues;
  signer: Signer;
  /** The signing date written on the pledge, YYYY-MM-DD. */
  date: string;
  /** How the date is printed: 'zh' "2026年11月28日" (the default) or 'iso' "2026-11-28". */
  dateFormat?: DateFormat;
  /** PNG or JPEG bytes per signature field id. */
  signatures: Record<string, Uint8Array>;
  /** A company seal (公章), pressed over the signer line and the date as seals are. */
  seal?: Uint8Array;
  /**
   * The body face: a TrueType (glyf) font with full CJK coverage, LXGW WenKai (楷) in the app. Keep the same
   * Uint8Array for the process: its parsed form is cached by identity (see subset-font.ts).
   */
  font: Uint8Array;
  /** The face for the title and 一、 headings (WenQuanYi Micro Hei, 黑); without it they are set in `font`. */
  headingFont?: Uint8Array;
  docId: string;
  contentHash: string;
  /** Printed on the appended evidence page and embedded as `evidence.json`. */
  evidence: Evidence;
  /** Stored as the PDF's creation date. */
  createdAt: Date;
  /** e.g. "Pledge Desk 0.1.0". */
  producer: string;
  /** Called as each phase ends; the benchmark times them. */
  onPhase?: (phase: ComposePhase) => void;
  /** Printed to be signed in ink: signature lines stay blank (the signed scan is attached to the record later). */
  wetInk?: boolean;
}

/** Side of the seal: the common 42 mm round 公章. */
const SEAL = mm(42);
const QR_SIDE = mm(30);
const QR_LABEL_SIZE = 8;

/**
 * Composes the signed pledge as an A4 PDF and returns its bytes: the pledge typeset after GB/T 9704, the
 * signatures, seal and date on the closing lines, an evidence page, a QR code and the verification code,
 * `evidence.json` attached. Throws FONT_MISSING_GLYPHS naming the characters a face lacks, INVALID_IMAGE for
 * an image that cannot be decoded. Pure apart from pdf-lib's and harfbuzz's own work.
 */
export async function composePledgePdf(input: ComposeInput): Promise<Uint8Array> {
  const phase = input.onPhase ?? (() => undefined);
  const dateFormat = input.dateFormat ?? 'zh';
  const paragraphs = pledgeParagraphs(input.template, input.values);
  const closing = closingLines(input.template, input.values, input.signer, input.date, dateFormat);
  const evidenceText = evidenceLines(input.evidence, dateFormat);
  const code = verificationCode(input.docId, input.contentHash);

  // Every character each face draws, for its subset and its glyph check.
  const text: Record<Face, string[]> = { body: [], heading: [EVIDENCE_TITLE] };
  for (const p of paragraphs) paragraphText(p.segments, text);
  for (const c of closing) paragraphText(c.segments, text);
  text.body.push(...evidenceText, pageLabel(0, 0), '0123456789', traceLine(code), `校验码 ${code}`);
  if (!input.headingFont) text.body.push(...text.heading.splice(0));
  phase('prepare');

  const doc = await PDFDocument.create({ updateMetadata: false });
  const body = await embedSubsetFont(doc, input.font, text.body.join(''));
  const fonts: Fonts = { body, heading: input.headingFont ? await embedSubsetFont(doc, input.headingFont, text.heading.join('')) : body };
  checkGlyphs([
    { face: `${fonts.body.name}（正文字体）`, characters: fonts.body.characters, text: text.body.join('') },
    { face: `${fonts.heading.name}（标题字体）`, characters: fonts.heading.characters, text: text.heading.join('') },
  ]);
  phase('fonts');

  const widthOf: WidthOf = (s, size, face) => fonts[face].widthOf(s, size);
  const lines: Line[] = paragraphs.flatMap((p) => layoutParagraph(p, widthOf));
  const images: Record<string, PDFImage> = {};
  for (const c of closing) {
    if (!c.signatureId) continue;
    const bytes = input.signatures[c.signatureId];
    if (!bytes && input.wetInk) continue;
    if (!bytes) throw new CoreError('MISSING_VALUE', 'no signature image for this field', c.signatureId);
    images[c.signatureId] ??= await embedImage(doc, bytes, c.signatureId);
  }
  const block = layoutClosing(closing, images, widthOf);
  // One empty grid line between the text and the closing block, kept with the block when it moves to a new page.
  const gap: Line = { atoms: [], x: LEFT, size: BODY, height: PITCH, tracking: 0 };
  const { pages, closingStart: gapIndex } = paginate(lines, [gap, ...block.lines]);
  const closingStart = gapIndex + 1;
  const evidencePages = paginate(layoutEvidence(evidenceText, widthOf)).pages;
  const evidenceUsed = (evidencePages.at(-1) as Line[]).reduce((s, l) => s + l.height, 0);
  // The QR code and its label sit at the foot of the last evidence page; past it, on a page of their own.
  if (evidenceUsed > TYPE_HEIGHT - QR_SIDE - mm(12)) evidencePages.push([]);
  const total = pages.length + evidencePages.length;
  const seal = input.seal ? await embedImage(doc, input.seal, 'seal') : null;
  phase('layout');

  pages.forEach((pageLines, index) => {
    const page = doc.addPage([A4.width, A4.height]);
    const baselines = drawLines(page, fonts, pageLines);
    if (seal && index === pages.length - 1) drawSeal(page, seal, block.sealCentreX, baselines[closingStart + block.signerLine], baselines[closingStart + block.dateLine]);
    drawFooter(page, fonts.body, index + 1, total, code);
  });
  evidencePages.forEach((pageLines, index) => {
    const page = doc.addPage([A4.width, A4.height]);
    drawLines(page, fonts, pageLines);
    drawFooter(page, fonts.body, pages.length + index + 1, total, code);
    if (index < evidencePages.length - 1) return;
    const qrX = LEFT + TYPE_WIDTH - QR_SIDE;
    const qrY = A4.height - TOP - TYPE_HEIGHT + mm(6);
    drawQr(page, verificationPayload(input.docId, input.contentHash), qrX, qrY, QR_SIDE);
    const label = `校验码 ${code}`;
    showText(page, fonts.body, label, qrX + QR_SIDE - widthOf(label, QR_LABEL_SIZE, 'body'), qrY - 10, QR_LABEL_SIZE);
  });
  phase('draw');

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
  await doc.flush();
  phase('embed');
  // One pass without yielding to the event loop every 50 objects (pdf-lib's default), which only adds timer waits.
  const bytes = await doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
  phase('save');
  return bytes;
}

/** Draws lines from the top of the type area down; returns each line's baseline. */
function drawLines(page: PDFPage, fonts: Fonts, lines: Line[]): number[] {
  let y = A4.height - TOP;
  return lines.map((line) => {
    // The em box centred in the line's height; Han glyphs sit about 0.12 em above the baseline's descent.
    const baseline = y - line.height + (line.height - line.size) / 2 + line.size * 0.12;
    drawLine(page, fonts, line, baseline);
    y -= line.height;
    return baseline;
  });
}

/**
 * The seal pressed over the signer line and the date (GB/T 9704: 居中下压署名和成文日期, both a little below
 * the seal's centre), centred on the date line. Multiply keeps the black text under the red ink legible.
 */
function drawSeal(page: PDFPage, seal: PDFImage, centreX: number, signerBaseline = 0, dateBaseline = 0): void {
  const width = Math.min(SEAL, (seal.width / seal.height) * SEAL);
  const height = (width * seal.height) / seal.width;
  const centreY = (signerBaseline + dateBaseline) / 2 + BODY * 0.35 + SEAL * 0.08;
  page.drawImage(seal, { x: centreX - width / 2, y: centreY - height / 2, width, height, opacity: 0.95, blendMode: BlendMode.Multiply });
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
