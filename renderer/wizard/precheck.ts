import type { Signer, StepKey } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { isIsoDate } from '../../electron/shared/validate-field-value';
import { t } from '../i18n/t';
import type { Acks } from './acks';
import { reviewDraft } from './review';
import { SIGN_STEP } from './steps';

/** Something that blocks signing, with the step where it is fixed. */
export interface SignProblem {
  message: string;
  step: StepKey | null;
  fieldId?: string;
  /** For an unconfirmed clause: its key, to focus its box. */
  clauseKey?: string;
}

/** What is checked before signing. */
export interface PrecheckInput {
  template: Template;
  values: FieldValues;
  signer: Signer;
  acks: Acks;
  date: string;
  signatures: Readonly<Record<string, string | null>>;
  /** Signing in ink on a printed copy: no signature images are needed. */
  wetInk?: boolean;
}

/**
 * What the UI checks before calling the core: the signer, every blank valid and filled, every clause confirmed
 * by the signer (the host would sign without, but the evidence page would then say "未逐条确认"), signatures (not for
 * a wet-ink copy, signed on paper), date.
 */
export function precheck({ template, values, signer, acks, date, signatures, wetInk = false }: PrecheckInput): SignProblem[] {
  const review = reviewDraft(template, values, signer, acks);
  const problems: SignProblem[] = review.missing.map((item) => ({
    message:
      item.fieldId === 'signer.name' ? t.sign.missingSigner : item.fieldId.startsWith('signer.') ? t.sign.signerInvalid(item.label, item.message) : `“${item.label}”：${item.message}`,
    step: item.step,
    fieldId: item.fieldId,
  }));
  for (const field of template.fields) {
    if (!wetInk && field.kind === 'signature' && field.required && !signatures[field.id]) {
      problems.push({ message: t.sign.missingSignature(field.label), step: SIGN_STEP, fieldId: field.id });
    }
  }
  if (!isIsoDate(date)) problems.push({ message: t.sign.badDate, step: SIGN_STEP });
  for (const clause of review.unconfirmed) {
    problems.push({ message: t.sign.unconfirmed(clause.number), step: clause.step, clauseKey: clause.key });
  }
  return problems;
}

