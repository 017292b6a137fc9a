import type { FieldValue, TemplateField } from '../../electron/shared/template';
import { validateFieldValue } from '../../electron/shared/validate-field-value';
import { t } from '../i18n/t';

/** The Chinese problem text for a value as typed, or null when it is fine (empty counts as fine while drafting). */
export function fieldMessage(field: TemplateField, value: FieldValue | undefined, requireFilled = false): string | null {
  const check = validateFieldValue(field, value, requireFilled);
  return check.ok ? null : t.problem(check.problem, field.kind === 'date' ? 'date' : field.valueType);
}
