import * as fontkit from '@cantoo/fontkit';
import type { PDFFont, PDFPage } from '@cantoo/pdf-lib';
import {
  beginMarkedContent,
  concatTransformationMatrix,
  endMarkedContent,
  popGraphicsState,
  pushGraphicsState,
  rgb,
} from '@cantoo/pdf-lib';
import { CoreError } from '../errors';
import { mm } from './pdf-units';
import { loadPdf } from './stamp/load-pdf';
import { missingGlyphs } from './stamp/missing-glyphs';
import { readPageFrame } from './stamp/read-page-frame';
import { viewMatrix } from './stamp/screen-to-pdf';

/** Marked-content tag around the copy mark on each page, so a marked copy can be told apart by its content too. */
export const COPY_MARK_TAG = 'PledgeDeskCopy';

/** The word a printed copy carries. */
export const COPY_WORD = '副本';

export interface CopyMark {
  /** The archive record the copy is printed from (`PD-YYYYMMDD-XXXXXXXX`). */
  recordId: string;
  /** The record's content hash (64 hex): written to the metadata when the PDF does not carry it already. */
  contentHash: string;
  /** When the copy is printed (the host clock). */
  printedAt: Date;
  /**
   * Minutes to add to UTC for the local time printed on the copy (`-date.getTimezoneOffset()` where the host
   * runs; 480 for China Standard Time). The core never reads the machine's time zone itself.
   */
  utcOffsetMinutes: number;
  /** The body font (LXGW WenKai, TrueType): subset to the characters of the mark. */
  font: Uint8Array;
}

/** `YYYY-MM-DD HH:mm` of `at` shifted by `utcOffsetMinutes`. */
export function formatPrintTime(at: Date, utcOffsetMinutes: number): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** The line under the mark: `打印于 2026-11-28 14:05（记录 PD-20261128-ABCDEFGH）`. */
export function copyMarkLine(recordId: string, at: Date, utcOffsetMinutes: number): string {
  return `打印于 ${formatPrintTime(at, utcOffsetMinutes)}（记录 ${recordId}）`;
}

const RED = rgb(0.72, 0.12, 0.12);
const GRAY = rgb(0.35, 0.35, 0.35);
/** Sizes at A4 width; narrower pages scale them down so the mark never covers a small page. */
const WORD_SIZE = 18;
const LINE_SIZE = 7.5;
const A4_WIDTH = 595.28;

/**
 * A copy of an archived PDF to print, marked on every page, at the top right of the page as the reader sees
 * it (whatever `/Rotate`), with a boxed red "副本" and, under it in small gray type, "打印于 <local time>（记录
 * <id>）". The top margin is where composed pledges leave room (GB/T 9704's 37 mm), so the footer with its
 * document id and verification code stays untouched and readable.
 *
 * The copy still names its record: the composed PDF's metadata and `evidence.json` are kept, and when the
 * metadata lacks the id or the content hash (a stamped outside PDF), they are added, so `archive.verify`
 * reports the copy as a modified copy of its record. Bytes in, bytes out: the archived file is never touched.
 * A digital signature in the original does not survive (the copy is rewritten; it is for paper).
 *
 * @throws CoreError FONT_MISSING_GLYPHS when the font cannot draw the mark; StampError for a PDF that cannot be
 *   opened (never the case for a file the archive wrote).
 */
export async function markPrintedCopy(bytes: Uint8Array, mark: CopyMark): Promise<Uint8Array> {
  const { doc } = await loadPdf(bytes);
  doc.registerFontkit(fontkit);
  const line = copyMarkLine(mark.recordId, mark.printedAt, mark.utcOffsetMinutes);
  const font = await doc.embedFont(mark.font, { subset: true });
  const missing = missingGlyphs(font, COPY_WORD + line);
  if (missing.length > 0) throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw the copy mark: ${missing.join(' ')}`, 'font');
  for (const page of doc.getPages()) drawMark(page, font, line);

  const subject = doc.getSubject() ?? '';
  const keywords = doc.getKeywords() ?? '';
  if (!subject.includes(mark.recordId) && !keywords.includes(mark.recordId)) doc.setSubject(`承诺书 ${mark.recordId}`);
  const extra = [COPY_WORD, `printedAt:${mark.printedAt.toISOString()}`];
  if (!keywords.includes('contentHash:')) extra.push(mark.recordId, `contentHash:${mark.contentHash}`);
  doc.setKeywords([keywords, ...extra].filter((k) => k !== ''));
  doc.setModificationDate(mark.printedAt);
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

/** The mark on one page, drawn in view space (upright for the reader) inside its own q … Q and marked content. */
function drawMark(page: PDFPage, font: PDFFont, line: string): void {
  const frame = readPageFrame(page);
  const scale = Math.min(1, frame.widthPt / A4_WIDTH);
  const margin = mm(12) * scale;
  const wordSize = WORD_SIZE * scale;
  const lineSize = LINE_SIZE * scale;
  const pad = 4 * scale;
  const wordWidth = font.widthOfTextAtSize(COPY_WORD, wordSize);
  const wordHeight = font.heightAtSize(wordSize, { descender: false });
  const boxWidth = wordWidth + 2 * pad;
  const boxHeight = wordHeight + 2 * pad;
  const right = frame.widthPt - margin;
  const boxTop = frame.heightPt - margin;
  const lineWidth = font.widthOfTextAtSize(line, lineSize);

  page.pushOperators(beginMarkedContent(COPY_MARK_TAG), pushGraphicsState(), concatTransformationMatrix(...viewMatrix(frame)));
  page.drawRectangle({ x: right - boxWidth, y: boxTop - boxHeight, width: boxWidth, height: boxHeight, borderColor: RED, borderWidth: 1.2 * scale, opacity: 0, borderOpacity: 0.85 });
  page.drawText(COPY_WORD, { x: right - boxWidth + pad, y: boxTop - pad - wordHeight + wordSize * 0.12, size: wordSize, font, color: RED, opacity: 0.85 });
  page.drawText(line, { x: right - lineWidth, y: boxTop - boxHeight - lineSize * 1.6, size: lineSize, font, color: GRAY });
  page.pushOperators(popGraphicsState(), endMarkedContent());
}
