import type { ClauseChange } from '../../electron/shared/dto';
import type { FieldValue, FieldValues, Template } from '../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../electron/shared/template';

/** How a change names its clause: the clause number, or the section marker for a change to the section itself. */
export function changeLabel(change: Pick<ClauseChange, 'number' | 'section'>): string {
  return change.number && change.number !== change.section ? change.number : change.section;
}

/** Clause text for reading: blanks as ＿＿, the section heading line and body joined. */
export function readableClauseText(text: string | undefined): string {
  return (text ?? '').replace(FIELD_PLACEHOLDER, '＿＿').replace(/\n+/g, ' ').trim();
}

/** A value as it was typed, for "these answers were removed". */
export function displayValue(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.other ? `${value.option}（${value.other}）` : value.option;
}

/** Each dropped field with the label it had in the draft's old version and the answer that was lost. */
export function droppedAnswers(oldTemplate: Template, values: FieldValues, dropped: readonly string[]): Array<{ fieldId: string; label: string; value: string }> {
  return dropped.map((fieldId) => ({
    fieldId,
    label: oldTemplate.fields.find((f) => f.id === fieldId)?.label ?? fieldId,
    value: displayValue(values[fieldId]),
  }));
}
