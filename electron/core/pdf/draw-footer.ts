import type { PDFPage } from 'pdf-lib';
import type { PledgeFont } from './embed-subset-font';
import { SMALL, TOP, TYPE_HEIGHT } from './page-geometry';
import { A4, mm } from './pdf-units';
import { showText } from './show-text';

const TRACE_SIZE = 7.5;
const TRACE_GRAY = 0.3;

/** The page label, "第 X 页 共 Y 页", as contracts and pledges number their pages. */
export function pageLabel(number: number, total: number): string {
  return `第 ${number} 页 共 ${total} 页`;
}

/** The trace line under the page label: the record id and the verification code. */
export function traceLine(code: string): string {
  return `文档编号 ${code.slice(0, code.lastIndexOf('-'))}  校验码 ${code}`;
}

/**
 * Draws the page label centred 7 mm under the type area (where GB/T 9704 puts the page number) and, under it,
 * the trace line that ties a printed page to its record.
 */
export function drawFooter(page: PDFPage, font: PledgeFont, number: number, total: number, code: string): void {
  const bottom = A4.height - TOP - TYPE_HEIGHT;
  const label = pageLabel(number, total);
  const labelTop = bottom - mm(7);
  showText(page, font, label, (A4.width - font.widthOf(label, SMALL)) / 2, labelTop - SMALL * 0.88, SMALL);
  const trace = traceLine(code);
  showText(page, font, trace, (A4.width - font.widthOf(trace, TRACE_SIZE)) / 2, labelTop - SMALL - 12, TRACE_SIZE, 0, TRACE_GRAY);
}
