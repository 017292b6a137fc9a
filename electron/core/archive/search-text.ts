import type { FieldValue, FieldValues, Template, TemplateField } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';

/**
 * Characters of clause text kept on each side of a filled value, so that a query may span the two ("巡检5次",
 * "不少于3人", "淘宝平台"). Three, not more: a query of 4+ characters then matches a snippet only where it
 * overlaps the value, so a clause phrase is found through the once-per-version clause index alone, never
 * through the snippets of thousands of records.
 */
export const CONTEXT_CHARS = 3;

/** Stands for a blank in indexed clause text: never typed, so no query matches across a blank. */
const BLANK = '□';

/** Every text block of a template in reading order: title, preamble, headings, clauses, closing. */
function templateBlocks(template: Template): string[] {
  const blocks = [template.title, template.preamble.text];
  const clause = (c: Template['sections'][number]['clauses'][number]): void => {
    blocks.push(`${c.number} ${c.text}`);
    c.children.forEach(clause);
  };
  for (const section of template.sections) {
    blocks.push(`${section.number}${section.heading}`, section.text);
    section.clauses.forEach(clause);
  }
  blocks.push(template.closing.text);
  return blocks.filter((b) => b !== '');
}

/**
 * The clause text of a template version as indexed once for all its records: placeholders become a blank
 * mark, a choice its options (the same on every copy).
 */
export function templateSearchBody(template: Template): string {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  return templateBlocks(template)
    .map((block) =>
      splitTemplateText(block)
        .map((part) => {
          if ('literal' in part) return part.literal;
          const field = byId.get(part.fieldId);
          return field?.kind === 'choice' ? ` ${(field.options ?? []).join(' ')} ` : BLANK;
        })
        .join(''),
    )
    .join('\n');
}

/** "2026-11-28" → "2026年11月28日", as the PDF prints dates. */
function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function rendered(field: TemplateField | undefined, value: FieldValue): string {
  if (typeof value !== 'string') return `${value.option}${value.other ?? ''}`;
  const text = value.trim();
  return field?.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? dateZh(text) : text;
}

/**
 * The per-record text of a pledge's filled values: each value with up to `CONTEXT_CHARS` characters of the
 * clause text before and after it, one snippet per line, so that "巡检5次" finds the record whose clause reads
 * "…每日巡检{{c1}}次…" filled with 5. Without the template, the bare values.
 */
export function filledSearchText(template: Template | null, values: FieldValues): string {
  if (!template) return Object.values(values).map((v) => rendered(undefined, v)).join('\n');
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const snippets: string[] = [];
  for (const block of templateBlocks(template)) {
    const parts = splitTemplateText(block);
    parts.forEach((part, i) => {
      if ('literal' in part) return;
      const value = values[part.fieldId];
      if (value === undefined) return;
      const before = parts[i - 1];
      const after = parts[i + 1];
      const left = before && 'literal' in before ? [...before.literal].slice(-CONTEXT_CHARS).join('') : '';
      const right = after && 'literal' in after ? [...after.literal].slice(0, CONTEXT_CHARS).join('') : '';
      snippets.push(`${left}${rendered(byId.get(part.fieldId), value)}${right}`.replace(/\s+/g, ' ').trim());
    });
  }
  // Values of fields that appear in no block (e.g. removed placeholders) are still findable.
  const placed = new Set(templateBlocks(template).flatMap((b) => splitTemplateText(b).flatMap((p) => ('fieldId' in p ? [p.fieldId] : []))));
  for (const [id, value] of Object.entries(values)) if (!placed.has(id)) snippets.push(rendered(byId.get(id), value));
  return snippets.join('\n');
}

/** The text values of a record (not numbers alone): what a 1–2 character query may look for besides names. */
export function textValues(values: FieldValues): string[] {
  return Object.values(values)
    .map((v) => rendered(undefined, v))
    .filter((v) => /[^\d\s.,:-]/.test(v));
}

/**
 * Every 1- and 2-character substring of the letters and digits in `texts`, lower-cased, space-separated and
 * without repeats: the document of the short-query index (FTS5 `unicode61`, one token per gram).
 */
export function shortGrams(texts: readonly string[]): string {
  const grams = new Set<string>();
  for (const text of texts) {
    for (const run of text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []) {
      const chars = [...run];
      chars.forEach((c, i) => {
        grams.add(c);
        if (i + 1 < chars.length) grams.add(`${c}${chars[i + 1]}`);
      });
    }
  }
  return [...grams].join(' ');
}
