import type { StepKey } from '../../electron/shared/dto';
import { stepCounts } from './step-counts';
import type { FieldValues, Template } from '../../electron/shared/template';

/** What a step asks for and how much of it is done. */
export interface StepStatus {
  filled: number;
  total: number;
  confirmed: number;
  clauses: number;
}

/** A step is done when it has something to do and all of it is done: every blank filled, every clause confirmed. */
export function isStepDone(status: StepStatus | undefined): boolean {
  if (!status || status.total + status.clauses === 0) return false;
  return status.filled === status.total && status.confirmed === status.clauses;
}

/** Blanks (from the values) and clause confirmations (per section step) merged into one status per step. */
export function stepStatuses(
  template: Template,
  values: FieldValues,
  steps: readonly StepKey[],
  acksByStep: Readonly<Record<StepKey, { confirmed: number; total: number }>>,
): Record<StepKey, StepStatus> {
  const counts = stepCounts(template, values);
  const out: Record<StepKey, StepStatus> = {};
  for (const key of steps) {
    const c = counts[key];
    const a = acksByStep[key];
    if (c || a) out[key] = { filled: c?.filled ?? 0, total: c?.total ?? 0, confirmed: a?.confirmed ?? 0, clauses: a?.total ?? 0 };
  }
  return out;
}
