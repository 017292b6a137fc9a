import type { FieldValue, FieldValues, Template, TemplateField } from '../../electron/shared/template';

/** True when a value has been given: a non-blank string, or a chosen option. */
export function isFilled(value: FieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return value.option !== '';
}

/** Fields typed in the wizard: everything but signatures, which are drawn at signing and not kept in the draft. */
export function countableFields(template: Template): TemplateField[] {
  return template.fields.filter((field) => field.kind !== 'signature');
}

/** Progress for the wizard: how many countable fields have a value. */
export function fieldProgress(template: Template, values: FieldValues): { filled: number; total: number } {
  const fields = countableFields(template);
  return { filled: fields.filter((field) => isFilled(values[field.id])).length, total: fields.length };
}
