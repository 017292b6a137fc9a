import type { FieldValues, Template, TemplateClause, TemplateField } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';

/** A piece of a paragraph: plain text, a filled value (drawn underlined), or a choice box. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; text: string }
  | { kind: 'box'; checked: boolean };

export type ParagraphRole = 'title' | 'preamble' | 'heading' | 'clause';

export interface Paragraph {
  role: ParagraphRole;
  segments: Segment[];
}

/**
 * The body of a filled pledge as paragraphs, in reading order: title, preamble, each section heading (with
 * its body text) and each clause with its number. Blanks become their values; a choice becomes one box per
 * option, ticked where chosen. The closing block (signature and date lines) is laid out separately.
 */
export function pledgeParagraphs(template: Template, values: FieldValues): Paragraph[] {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const render = (text: string): Segment[][] =>
    text.split('\n').map((line) => line && renderLine(line, byId, values)).filter((s): s is Segment[] => Array.isArray(s));

  const out: Paragraph[] = [{ role: 'title', segments: [{ kind: 'text', text: template.title }] }];
  for (const segments of render(template.preamble.text)) out.push({ role: 'preamble', segments });
  const clause = (c: TemplateClause): void => {
    render(c.text).forEach((segments, index) =>
      out.push({ role: 'clause', segments: index === 0 ? [{ kind: 'text', text: `${c.number} ` }, ...segments] : segments }),
    );
    c.children.forEach(clause);
  };
  for (const section of template.sections) {
    const heading = renderLine(section.heading, byId, values);
    out.push({ role: 'heading', segments: [{ kind: 'text', text: section.number }, ...heading] });
    for (const segments of render(section.text)) out.push({ role: 'clause', segments });
    section.clauses.forEach(clause);
  }
  return out;
}

/** One line of template text with its `{{fieldId}}` placeholders replaced by values or boxes. */
export function renderLine(line: string, fields: Map<string, TemplateField>, values: FieldValues): Segment[] {
  const segments: Segment[] = [];
  for (const part of splitTemplateText(line)) {
    if ('literal' in part) {
      segments.push({ kind: 'text', text: part.literal });
      continue;
    }
    const field = fields.get(part.fieldId);
    const value = values[part.fieldId];
    if (!field) continue;
    if (field.kind === 'choice') {
      const chosen = typeof value === 'string' ? { option: value } : value;
      for (const option of field.options ?? []) {
        segments.push({ kind: 'box', checked: chosen?.option === option });
        segments.push({ kind: 'text', text: option });
        if (option === field.otherOption) {
          const other = chosen?.option === option ? (chosen.other ?? '').trim() : '';
          segments.push({ kind: 'value', text: other });
        }
      }
      continue;
    }
    segments.push({ kind: 'value', text: typeof value === 'string' ? value.trim() : '' });
  }
  return segments;
}
