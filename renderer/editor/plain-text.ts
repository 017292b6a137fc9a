import type { Template, TemplateClause, TemplateField } from '../../electron/shared/template';
import { splitTemplateText } from '../../electron/shared/template';

/** A blank as a document shows it before it is filled. */
export const BLANK_LINE = '__________';

/** How one field reads in plain text: a line for blanks, signatures and dates, □ boxes for a choice. */
export function fieldAsText(field: TemplateField | undefined): string {
  if (!field) return BLANK_LINE;
  if (field.kind !== 'choice') return BLANK_LINE;
  return (field.options ?? []).map((o) => `${field.preselected === o ? '■' : '□'}${o}${o === field.otherOption ? BLANK_LINE : ''}`).join('');
}

/** A template text with each `{{id}}` written back as its blank or boxes. */
export function textWithBlanks(text: string, fields: ReadonlyMap<string, TemplateField>): string {
  return splitTemplateText(text)
    .map((part) => ('literal' in part ? part.literal : fieldAsText(fields.get(part.fieldId))))
    .join('');
}

/**
 * The template as a plain document, one paragraph per line: title, preamble, each section and clause with
 * its number, closing. What the editor shows as "the source" when there is no pasted text.
 */
export function templateAsPlainText(template: Template): string {
  const fields = new Map(template.fields.map((f) => [f.id, f]));
  const text = (t: string): string => textWithBlanks(t, fields);
  const lines: string[] = [template.title];
  if (template.preamble.text.trim() !== '') lines.push(text(template.preamble.text));
  const clause = (c: TemplateClause): void => {
    lines.push(`${c.number}${text(c.text)}`);
    c.children.forEach(clause);
  };
  for (const section of template.sections) {
    // "1、明码标价。…": a section without a heading reads as a numbered paragraph.
    if (section.heading.trim() === '') lines.push(`${section.number}${text(section.text)}`);
    else {
      lines.push(`${section.number}${text(section.heading)}`);
      if (section.text.trim() !== '') lines.push(text(section.text));
    }
    section.clauses.forEach(clause);
  }
  if (template.closing.text.trim() !== '') lines.push(text(template.closing.text));
  return lines.join('\n');
}
