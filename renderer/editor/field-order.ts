import type { Template, TemplateClause } from '../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../electron/shared/template';

/** The field ids named by `{{id}}` placeholders in a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(FIELD_PLACEHOLDER)].map((m) => m[1] as string);
}

/** A section's own placeholders: its heading, then its body text (as the host checks them). */
export function sectionPlaceholders(section: { heading: string; text: string }): string[] {
  return placeholders(`${section.heading}\n${section.text}`);
}

/** Every placeholder of a template in document order: preamble, sections with their clauses depth-first, closing. */
export function documentFieldOrder(template: Template): string[] {
  const order = placeholders(template.preamble.text);
  const walk = (clause: TemplateClause): void => {
    order.push(...placeholders(clause.text));
    clause.children.forEach(walk);
  };
  for (const section of template.sections) {
    order.push(...sectionPlaceholders(section));
    section.clauses.forEach(walk);
  }
  order.push(...placeholders(template.closing.text));
  return order;
}

/**
 * Makes the field lists agree with the texts again after a structure edit: every block's `fields` becomes
 * its placeholders in order, and `template.fields` is re-sorted into document order. A field no text names
 * any more is dropped (structure edits never lose a placeholder, so this only happens on purpose).
 */
export function normalizeFields(template: Template): Template {
  const clause = (c: TemplateClause): TemplateClause => ({ ...c, fields: placeholders(c.text), children: c.children.map(clause) });
  const sections = template.sections.map((s) => ({ ...s, fields: sectionPlaceholders(s), clauses: s.clauses.map(clause) }));
  const next: Template = {
    ...template,
    preamble: { ...template.preamble, fields: placeholders(template.preamble.text) },
    sections,
    closing: { ...template.closing, fields: placeholders(template.closing.text) },
  };
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const fields = [];
  for (const id of documentFieldOrder(next)) {
    const field = byId.get(id);
    if (!field || seen.has(id)) continue;
    seen.add(id);
    fields.push(field);
  }
  return { ...next, fields };
}

/** True when `next` names exactly the same placeholders as `previous`, in the same order. */
export function samePlaceholders(previous: string, next: string): boolean {
  return placeholders(previous).join('\n') === placeholders(next).join('\n');
}
