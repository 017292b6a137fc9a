import type { FieldValue, TemplateField } from '../../electron/shared/template';
import { validateFieldValue } from '../../electron/shared/validate-field-value';
import { t } from '../i18n/t';

/** The Chinese problem text for a value as typed, or null when it is fine (empty counts as fine while drafting). */
export function fieldMessage(field: TemplateField, value: FieldValue | undefined, requireFilled = false): string | null {
  const check = validateFieldValue(field, value, requireFilled);
  if (check.ok) return null;
  if (check.problem === 'out-of-range' && (field.min !== undefined || field.max !== undefined)) {
    const [low, high] = effectiveRange(field);
    return t.rangeProblem(field.valueType, low, high);
  }
  return t.problem(check.problem, field.kind === 'date' ? 'date' : field.valueType);
}

/**
 * The range a numeric blank accepts: its value type's own (never below 0, a percentage at most 100)
 * narrowed by the template's `min`/`max`. `high` is undefined when there is no upper bound.
 */
export function effectiveRange(field: TemplateField): [number, number | undefined] {
  const low = Math.max(field.min ?? 0, 0);
  const typeHigh = field.valueType === 'percent' ? 100 : undefined;
  const high = field.max === undefined ? typeHigh : typeHigh === undefined ? field.max : Math.min(field.max, typeHigh);
  return [low, high];
}
