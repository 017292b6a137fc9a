import type { FieldValue, FieldValues, TemplateField } from '../../electron/shared/template';
import { formatChineseDate } from '../app/format';

export interface ValueRow {
  fieldId: string;
  label: string;
  text: string;
}

/** A filled value as text: a blank's text with its unit, a choice's option with the words given for "其他". */
export function valueText(value: FieldValue, unit?: string): string {
  if (typeof value === 'string') return unit && value !== '' ? `${value} ${unit}` : value;
  return value.other ? `${value.option}（${value.other}）` : value.option;
}

/**
 * The record's filled values as labelled rows, in the template's field order; values of fields the template
 * does not (or no longer) describe follow under their ids. Signatures are images, never values; empty values
 * are left out.
 */
export function valueRows(values: FieldValues, fields: readonly TemplateField[] | null): ValueRow[] {
  const known = new Map((fields ?? []).map((f) => [f.id, f]));
  const ordered = [...(fields ?? []).map((f) => f.id).filter((id) => id in values), ...Object.keys(values).filter((id) => !known.has(id))];
  return ordered.flatMap((fieldId) => {
    const field = known.get(fieldId);
    const value = values[fieldId];
    if (value === undefined || field?.kind === 'signature') return [];
    const text = field?.kind === 'date' && typeof value === 'string' ? formatChineseDate(value) : valueText(value, field?.unit);
    return text === '' ? [] : [{ fieldId, label: field?.label || fieldId, text }];
  });
}
