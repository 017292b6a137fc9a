import type { Template, TemplateClause } from '../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../electron/shared/template';

/**
 * Small, explicit edits on a template's JSON, as the template editor would send them back to
 * `templates.save`. Each returns a deep copy; the input is never changed.
 */

export function cloneTemplate(template: Template): Template {
  return structuredClone(template);
}

/** The top-level clause numbered `number` (e.g. `2.2`) and where it sits. */
function locate(template: Template, number: string): { clauses: TemplateClause[]; index: number } {
  for (const section of template.sections) {
    const index = section.clauses.findIndex((c) => c.number === number);
    if (index >= 0) return { clauses: section.clauses, index };
  }
  throw new Error(`no clause ${number}`);
}

export function clauseText(template: Template, number: string): string {
  const { clauses, index } = locate(template, number);
  return (clauses[index] as TemplateClause).text;
}

/** Replaces a clause's text; its `{{…}}` placeholders (and so its fields list) must stay as they were. */
export function withClauseText(template: Template, number: string, text: string): Template {
  const copy = cloneTemplate(template);
  const { clauses, index } = locate(copy, number);
  const clause = clauses[index] as TemplateClause;
  const placeholders = [...text.matchAll(FIELD_PLACEHOLDER)].map((m) => m[1]);
  if (placeholders.join('\n') !== clause.fields.join('\n')) throw new Error(`new text of ${number} changes its fields`);
  clause.text = text;
  return copy;
}

/** Removes a clause and the fields it held (from the template's field list too). */
export function withoutClause(template: Template, number: string): Template {
  const copy = cloneTemplate(template);
  const { clauses, index } = locate(copy, number);
  const [removed] = clauses.splice(index, 1);
  const gone = new Set(removed?.fields ?? []);
  copy.fields = copy.fields.filter((f) => !gone.has(f.id));
  return copy;
}

/** Replaces one field's properties (options, min/max, …). */
export function withField(template: Template, id: string, patch: Partial<Template['fields'][number]>): Template {
  const copy = cloneTemplate(template);
  const field = copy.fields.find((f) => f.id === id);
  if (!field) throw new Error(`no field ${id}`);
  Object.assign(field, patch);
  return copy;
}
