import { clauseIndex } from '../../electron/shared/clause-index';
import type { Signer, StepKey } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../electron/shared/template';
import { t } from '../i18n/t';
import type { Acks } from './acks';
import { stepOfClause } from './acks';
import { fieldMessage } from './field-message';
import { signerProblems } from './signer-fields';
import { INTRO_STEP, stepOfField } from './steps';

/** A blank (or a signer detail) that still blocks signing. `fieldId` is `signer.<key>` for the signer's own. */
export interface MissingItem {
  fieldId: string;
  label: string;
  step: StepKey;
  message: string;
}

/** A leaf clause the signer has not confirmed yet. */
export interface UnconfirmedItem {
  key: string;
  number: string;
  excerpt: string;
  step: StepKey;
}

export interface Review {
  missing: MissingItem[];
  unconfirmed: UnconfirmedItem[];
  /** Nothing missing and every clause confirmed. */
  ready: boolean;
}

/** A clause marker as a number in running text: `二、` → `二`, `1、` → `1`, `（三）` kept. */
export function plainClauseNumber(number: string): string {
  return number.replace(/[、.．:：\s]+$/u, '').trim();
}

/** The first words of a clause, blanks shown as ＿, for a list entry. */
export function clauseExcerpt(text: string, max = 20): string {
  const plain = text.replace(FIELD_PLACEHOLDER, '＿').replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain);
  return chars.length <= max ? plain : `${chars.slice(0, max).join('')}…`;
}

const SIGNER_LABEL = {
  name: () => t.wizard.signerName,
  idNumber: () => t.wizard.idNumber,
  creditCode: () => t.wizard.creditCode,
  phone: () => t.wizard.phone,
} as const;

/**
 * What the review step lists: the signer's name and numbers, every blank that is required and empty or that
 * does not fit its type (signatures and the date are given on the sign step), and every unconfirmed clause.
 */
export function reviewDraft(template: Template, values: FieldValues, signer: Signer, acks: Acks): Review {
  const missing: MissingItem[] = signerProblems(signer).map(({ key, message }) => ({
    fieldId: `signer.${key}`,
    label: SIGNER_LABEL[key](),
    step: INTRO_STEP,
    message: message ?? t.problem('empty', undefined),
  }));
  for (const field of template.fields) {
    if (field.kind === 'signature' || field.kind === 'date') continue;
    const message = fieldMessage(field, values[field.id], true);
    const step = stepOfField(template, field.id);
    if (message && step) missing.push({ fieldId: field.id, label: field.label, step, message });
  }
  const unconfirmed = clauseIndex(template)
    .filter((entry) => acks[entry.key] === undefined)
    .map((entry) => ({ key: entry.key, number: plainClauseNumber(entry.number) || entry.key, excerpt: clauseExcerpt(entry.text), step: stepOfClause(entry) }));
  return { missing, unconfirmed, ready: missing.length === 0 && unconfirmed.length === 0 };
}
