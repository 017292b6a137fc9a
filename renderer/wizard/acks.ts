import type { StepKey } from '../../electron/shared/dto';
import type { ClauseEntry } from '../../electron/shared/clause-index';
import type { FieldValue, FieldValues } from '../../electron/shared/template';

/** Clause key → ISO instant of its confirmation ("已阅读并同意本条款"), as `drafts.get` returns them. */
export type Acks = Readonly<Record<string, string>>;

/** Same answer, compared as the host compares them (a missing value counts as empty text). */
export function sameFieldValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
}

/**
 * The clause whose confirmation a new answer withdraws: the field's clause when it is confirmed and the answer
 * really changed (the host does the same on save). Null otherwise.
 */
export function ackWithdrawnBy(
  clauseOf: ReadonlyMap<string, string>,
  acks: Acks,
  values: FieldValues,
  fieldId: string,
  next: FieldValue,
): string | null {
  const key = clauseOf.get(fieldId);
  if (key === undefined || acks[key] === undefined) return null;
  return sameFieldValue(values[fieldId], next) ? null : key;
}

/** The acks with one clause confirmed (keeping an earlier time) or withdrawn. */
export function withAck(acks: Acks, key: string, confirmed: boolean, now: string): Record<string, string> {
  const next = { ...acks };
  if (confirmed) next[key] ??= now;
  else delete next[key];
  return next;
}

/** The wizard step on which a clause is shown: its top-level section. */
export function stepOfClause(entry: Pick<ClauseEntry, 'sectionIndex'>): StepKey {
  return `section-${entry.sectionIndex + 1}`;
}

/** Confirmed / total leaf clauses per section step, and over the whole template. */
export function ackCounts(clauses: readonly ClauseEntry[], acks: Acks): { byStep: Record<StepKey, { confirmed: number; total: number }>; confirmed: number; total: number } {
  const byStep: Record<StepKey, { confirmed: number; total: number }> = {};
  let confirmed = 0;
  for (const entry of clauses) {
    const count = (byStep[stepOfClause(entry)] ??= { confirmed: 0, total: 0 });
    count.total += 1;
    if (acks[entry.key] !== undefined) {
      count.confirmed += 1;
      confirmed += 1;
    }
  }
  return { byStep, confirmed, total: clauses.length };
}
