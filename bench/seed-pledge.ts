/**
 * The benchmark's pledge: the seed page's two e-commerce pledges merged into one document (≈1,650 Han
 * characters, as typeset, plus the evidence page), every blank filled, signed with a drawn signature and a
 * seal. Its filled text also goes to LibreOffice, the peer in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeInput } from '../electron/core/pdf/compose-pledge-pdf';
import { closingLines } from '../electron/core/pdf/layout-closing';
import { evidenceLines } from '../electron/core/pdf/layout-evidence';
import type { Segment } from '../electron/core/pdf/pledge-paragraphs';
import { pledgeParagraphs } from '../electron/core/pdf/pledge-paragraphs';
import { EVIDENCE_STATEMENT } from '../electron/core/signing/evidence';
import { importPledges } from '../electron/core/template/import/import-pledges';
import type { Signer } from '../electron/shared/dto';
import type { FieldValues, Template } from '../electron/shared/template';

export function seedTemplate(root: string): Template {
  const seed = readFileSync(join(root, '..', 'shared', 'seeds', 'ecommerce-service-pledge.book118-page.txt'), 'utf8');
  const [first, second] = importPledges(seed) as [Template, Template];
  // Pledge 2 (choices, percentages, amounts) with pledge 1's sections after it, renumbered to follow on.
  const numerals = '一二三四五六七八九十';
  const sections = [...second.sections, ...first.sections].map((s, i) => (/^[一二三四五六七八九十]+、$/.test(s.number) ? { ...s, number: `${numerals[i]}、` } : s));
  return { ...second, title: '电商平台服务保障承诺书', sections, fields: [...second.fields, ...first.fields.filter((f) => !second.fields.some((g) => g.id === f.id))] };
}

/** A value for every blank and choice: numbers where a number is asked, short words elsewhere. */
export function seedValues(template: Template): FieldValues {
  const values: FieldValues = {};
  template.fields.forEach((field, i) => {
    if (field.kind === 'choice') values[field.id] = { option: field.options?.[0] ?? '' };
    else if (field.kind === 'blank') values[field.id] = field.valueType === 'text' ? '淘宝' : field.valueType === 'percent' ? '95' : String(2 + (i % 40));
  });
  return values;
}

export const SEED_SIGNER: Signer = { type: '企业', name: '王小明', organisation: '杭州某某电子商务有限公司' };

export function seedComposeInput(root: string, fonts: { font: Uint8Array; headingFont: Uint8Array }, images: { signature: Uint8Array; seal: Uint8Array }): ComposeInput {
  const template = seedTemplate(root);
  const contentHash = '5d1f0c7a9b3e2d4c6a8f0e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a493';
  const docId = 'PD-20261128-BENCH001';
  const signatures = Object.fromEntries(template.fields.filter((f) => f.kind === 'signature').map((f) => [f.id, images.signature]));
  return {
    template,
    values: seedValues(template),
    signer: SEED_SIGNER,
    date: '2026-11-28',
    signatures,
    seal: images.seal,
    ...fonts,
    docId,
    contentHash,
    evidence: {
      schema: 1,
      documentId: docId,
      templateId: template.id,
      templateTitle: template.title,
      templateVersion: template.version,
      signer: SEED_SIGNER,
      draftStartedAt: '2026-11-28T01:58:10.000Z',
      signedAt: '2026-11-28T02:30:00.000Z',
      date: '2026-11-28',
      clauses: [],
      contentHash,
      imageSha256s: {},
      appVersion: '0.1.0',
      statement: EVIDENCE_STATEMENT,
    },
    createdAt: new Date('2026-11-28T02:30:00.000Z'),
    producer: 'Pledge Desk 0.1.0',
  };
}

/** The filled pledge as plain text, one paragraph a line, as typeset (evidence page included): LibreOffice's input. */
export function filledText(input: ComposeInput): string {
  const line = (segments: Segment[]): string => segments.map((s) => (s.kind === 'box' ? (s.checked ? '☑' : '☐') : s.text)).join('');
  return [
    ...pledgeParagraphs(input.template, input.values).map((p) => line(p.segments)),
    '',
    ...closingLines(input.template, input.values, input.signer, input.date, input.dateFormat ?? 'zh').map((c) => line(c.segments)),
    '',
    '签署证据页',
    ...evidenceLines(input.evidence, input.dateFormat ?? 'zh'),
  ].join('\n');
}
