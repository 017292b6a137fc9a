import type { Template, TemplateField, ValueType } from '../../electron/shared/template';

/** The value types that take a range (the same set validate-field-value.ts checks numerically). */
export const NUMERIC_TYPES: ReadonlySet<ValueType> = new Set<ValueType>(['percent', 'integer', 'number', 'money', 'duration']);

export const isNumericType = (type: ValueType | undefined): boolean => type !== undefined && NUMERIC_TYPES.has(type);

/** True when the field takes min/max: a blank of a numeric type. */
export const hasRange = (field: TemplateField): boolean => field.kind === 'blank' && isNumericType(field.valueType);

/** What an edit may change on a field; `undefined` removes an optional property. */
export type FieldPatch = Partial<Pick<TemplateField, 'label' | 'unit' | 'valueType' | 'min' | 'max' | 'required' | 'options' | 'otherOption' | 'preselected'>>;

/** Applies `patch`, dropping properties set to undefined (or to an empty unit), and keeps the field coherent. */
export function patchField(field: TemplateField, patch: FieldPatch): TemplateField {
  const next: Record<string, unknown> = { ...field, ...patch };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  if (next.unit === '') delete next.unit;
  const result = next as unknown as TemplateField;
  // A range only means something for numeric types.
  if (!hasRange(result)) {
    delete result.min;
    delete result.max;
  }
  return result;
}

/** A copy of `template` with field `id` patched. */
export function updateField(template: Template, id: string, patch: FieldPatch): Template {
  return { ...template, fields: template.fields.map((f) => (f.id === id ? patchField(f, patch) : f)) };
}

/** Renames option `index` of a choice; the "other" and pre-ticked references follow the new name. */
export function renameOption(field: TemplateField, index: number, text: string): TemplateField {
  const options = [...(field.options ?? [])];
  const old = options[index];
  if (old === undefined) return field;
  options[index] = text;
  return patchField(field, {
    options,
    otherOption: field.otherOption === old ? text : field.otherOption,
    preselected: field.preselected === old ? text : field.preselected,
  });
}

/** Removes option `index`; an "other" or pre-ticked reference to it goes too. */
export function removeOption(field: TemplateField, index: number): TemplateField {
  const options = field.options ?? [];
  const old = options[index];
  if (old === undefined) return field;
  return patchField(field, {
    options: options.filter((_, i) => i !== index),
    otherOption: field.otherOption === old ? undefined : field.otherOption,
    preselected: field.preselected === old ? undefined : field.preselected,
  });
}

/** Adds an option at the end. */
export function addOption(field: TemplateField, text: string): TemplateField {
  return patchField(field, { options: [...(field.options ?? []), text] });
}

/**
 * A range bound as typed: empty means "no bound", a finite decimal number is the bound, anything else is
 * rejected (the input keeps showing it, the template keeps its previous bound).
 */
export function parseBound(input: string): { ok: true; value: number | undefined } | { ok: false } {
  const text = input.trim().replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/gu, '.').replace(/^－/u, '-');
  if (text === '') return { ok: true, value: undefined };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
