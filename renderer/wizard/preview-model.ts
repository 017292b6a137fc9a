import type { Signer } from '../../electron/shared/dto';
import type { FieldValues, Template, TemplateClause, TemplateField } from '../../electron/shared/template';
import { splitTemplateText } from '../../electron/shared/template';
import { formatChineseDate } from '../app/format';

/** A piece of a previewed line: plain text, an answer (underlined in place), or a choice group (☑/☐). */
export type PreviewRun =
  | { kind: 'text'; text: string }
  | { kind: 'value'; text: string; filled: boolean; fieldId: string }
  | { kind: 'choice'; fieldId: string; options: Array<{ option: string; checked: boolean; other?: string }> };

export type PreviewBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; number: string; text: string; sectionIndex: number }
  | { kind: 'paragraph'; role: 'preamble' | 'clause' | 'closing'; number?: string; depth: number; runs: PreviewRun[] };

/** What stands in the blank of an unanswered field: full-width spaces, underlined like the answer would be. */
export const EMPTY_BLANK = '\u3000\u3000\u3000\u3000';

interface Context {
  fields: ReadonlyMap<string, TemplateField>;
  values: FieldValues;
  signer: Signer;
  date: string;
}

function fieldRuns(field: TemplateField, ctx: Context, unitFollows: boolean): PreviewRun[] {
  const raw = ctx.values[field.id];
  if (field.kind === 'choice') {
    const chosen = raw === undefined || raw === '' ? null : typeof raw === 'string' ? { option: raw } : raw;
    return [
      {
        kind: 'choice',
        fieldId: field.id,
        options: (field.options ?? []).map((option) => ({
          option,
          checked: chosen?.option === option,
          ...(option === field.otherOption && chosen?.option === option ? { other: chosen.other ?? '' } : {}),
        })),
      },
    ];
  }
  let text = typeof raw === 'string' ? raw.trim() : '';
  if (field.kind === 'signature') text = ctx.signer.name.trim();
  if (field.kind === 'date') text = ctx.date ? formatChineseDate(ctx.date) : '';
  const runs: PreviewRun[] = [{ kind: 'value', fieldId: field.id, text: text || EMPTY_BLANK, filled: text !== '' }];
  if (field.unit && !unitFollows) runs.push({ kind: 'text', text: field.unit });
  return runs;
}

/** A template text as runs: literals as text, each placeholder as its answer; a unit is added when the text lacks it. */
export function textRuns(text: string, ctx: Context): PreviewRun[] {
  const parts = splitTemplateText(text);
  const runs: PreviewRun[] = [];
  parts.forEach((part, i) => {
    if ('literal' in part) {
      runs.push({ kind: 'text', text: part.literal });
      return;
    }
    const field = ctx.fields.get(part.fieldId);
    if (!field) return;
    const next = parts[i + 1];
    const unitFollows = Boolean(field.unit) && next !== undefined && 'literal' in next && next.literal.trimStart().startsWith(field.unit as string);
    runs.push(...fieldRuns(field, ctx, unitFollows));
  });
  return runs;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function clauseBlocks(clause: TemplateClause, depth: number, ctx: Context, out: PreviewBlock[]): void {
  out.push({ kind: 'paragraph', role: 'clause', number: clause.number, depth, runs: textRuns(clause.text, ctx) });
  clause.children.forEach((child) => clauseBlocks(child, depth + 1, ctx, out));
}

/**
 * The whole pledge as it will print: the title, the preamble, each section with its heading and clauses
 * (numbers kept), and the closing with the signer's name for the signature and the date in Chinese.
 */
export function previewBlocks(template: Template, values: FieldValues, signer: Signer, date: string): PreviewBlock[] {
  const ctx: Context = { fields: new Map(template.fields.map((f) => [f.id, f])), values, signer, date };
  const out: PreviewBlock[] = [{ kind: 'title', text: template.title }];
  for (const line of lines(template.preamble.text)) out.push({ kind: 'paragraph', role: 'preamble', depth: 0, runs: textRuns(line, ctx) });
  template.sections.forEach((section, sectionIndex) => {
    out.push({ kind: 'heading', number: section.number, text: section.heading, sectionIndex });
    for (const line of lines(section.text)) out.push({ kind: 'paragraph', role: 'clause', depth: 0, runs: textRuns(line, ctx) });
    section.clauses.forEach((clause) => clauseBlocks(clause, 1, ctx, out));
  });
  for (const line of lines(template.closing.text)) out.push({ kind: 'paragraph', role: 'closing', depth: 0, runs: textRuns(line, ctx) });
  return out;
}
