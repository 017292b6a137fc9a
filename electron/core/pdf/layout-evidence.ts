import type { Evidence } from '../signing/evidence';
import { breakLines } from './break-lines';
import type { DateFormat } from './format-date';
import { formatDate } from './format-date';
import type { LaidAtom, Line, WidthOf } from './laid-line';
import { toAtoms } from './laid-line';
import { LEFT, PITCH, SMALL, SMALL_PITCH, TYPE_WIDTH } from './page-geometry';

/** The evidence page's heading, set in the heading face. */
export const EVIDENCE_TITLE = '签署证据页';
const EVIDENCE_TITLE_SIZE = 18;

/** The evidence page as text lines (label: value), in the order a reader checks them. */
export function evidenceLines(e: Evidence, dateFormat: DateFormat): string[] {
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
    `签署时间：${formatInstant(e.signedAt)}；落款日期：${formatDate(e.date, dateFormat)}`,
    `内容摘要（SHA-256）：${e.contentHash}`,
    `条款确认时间：${acks.length ? acks.join('；') : '无'}`,
    `生成程序：Pledge Desk ${e.appVersion}`,
    `说明：${e.statement}`,
  ];
}

/** The evidence page's lines: its heading centred, then each item in 五号 on a 17 pt pitch. */
export function layoutEvidence(texts: string[], widthOf: WidthOf): Line[] {
  const title = toAtoms([{ kind: 'text', text: EVIDENCE_TITLE, face: 'heading' }], EVIDENCE_TITLE_SIZE, widthOf, 0);
  const titleWidth = title.reduce((s, a) => s + a.width, 0);
  const lines: Line[] = [{ atoms: title, x: LEFT + (TYPE_WIDTH - titleWidth) / 2, size: EVIDENCE_TITLE_SIZE, height: PITCH * 1.5, tracking: 0 }];
  for (const text of texts) {
    const atoms = toAtoms([{ kind: 'text', text }], SMALL, widthOf, 0);
    for (const line of breakLines(atoms, TYPE_WIDTH, TYPE_WIDTH)) {
      lines.push({ atoms: line as LaidAtom[], x: LEFT, size: SMALL, height: SMALL_PITCH, tracking: 0 });
    }
    lines.push({ atoms: [], x: LEFT, size: SMALL, height: 4, tracking: 0 });
  }
  return lines;
}

/** An ISO instant as text with its zone, e.g. "2026-11-28 10:42:13 UTC". */
function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** An ID number on the evidence page: the region and the check digit, never the birth date. */
function maskId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id;
}
