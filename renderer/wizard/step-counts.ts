import type { StepKey } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { isFilled } from './field-progress';
import { stepOfField } from './steps';

/** Filled / total of the typed fields (not signatures) per step, for the step list. */
export function stepCounts(template: Template, values: FieldValues): Record<StepKey, { filled: number; total: number }> {
  const counts: Record<StepKey, { filled: number; total: number }> = {};
  for (const field of template.fields) {
    if (field.kind === 'signature') continue;
    const step = stepOfField(template, field.id);
    if (step === null) continue;
    const count = (counts[step] ??= { filled: 0, total: 0 });
    count.total += 1;
    if (isFilled(values[field.id])) count.filled += 1;
  }
  return counts;
}
