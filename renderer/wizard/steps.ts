import type { StepKey } from '../../electron/shared/dto';
import type { Template, TemplateClause, TemplateSection } from '../../electron/shared/template';
import { wizardSteps as stepKeys } from '../../electron/shared/wizard-steps';
import { t } from '../i18n/t';

export interface WizardStep {
  key: StepKey;
  /** What the step list shows: "承诺人信息", "一、主要职责范围", "签署". */
  label: string;
  /** The section shown on a `section-<n>` step. */
  section?: TemplateSection;
}

export const INTRO_STEP = 'intro';
export const REVIEW_STEP = 'review';
export const SIGN_STEP = 'sign';

/** `intro`, then `section-1` … `section-N` (one per top-level section), `review`, then `sign`, as the contract defines. */
export function wizardSteps(template: Template): WizardStep[] {
  // The keys come from the contract, so the UI and the core agree on what a stored step means.
  return stepKeys(template).map((key) => {
    if (key === INTRO_STEP) return { key, label: t.wizard.stepIntro };
    if (key === SIGN_STEP) return { key, label: t.wizard.stepSign };
    if (key === REVIEW_STEP) return { key, label: t.wizard.stepReview };
    const section = template.sections[Number(key.slice('section-'.length)) - 1] as TemplateSection;
    return { key, label: `${section.number}${/[、.．:：]$/.test(section.number) ? '' : ' '}${section.heading}`, section };
  });
}

function clauseFieldIds(clause: TemplateClause, out: string[]): string[] {
  out.push(...clause.fields);
  clause.children.forEach((child) => clauseFieldIds(child, out));
  return out;
}

/** Every field id shown by a top-level section, its sub-clauses included. */
export function sectionFieldIds(section: TemplateSection): string[] {
  const out = [...section.fields];
  section.clauses.forEach((clause) => clauseFieldIds(clause, out));
  return out;
}

/**
 * The step on which a field is filled: signature and date fields on `sign`, preamble fields on `intro`,
 * section fields on their section, closing fields on `sign`. Null for an id the template does not have.
 */
export function stepOfField(template: Template, fieldId: string): StepKey | null {
  const field = template.fields.find((f) => f.id === fieldId);
  if (!field) return fieldId.startsWith('signer') ? INTRO_STEP : null;
  if (field.kind === 'signature' || field.kind === 'date') return SIGN_STEP;
  if (template.preamble.fields.includes(fieldId)) return INTRO_STEP;
  const index = template.sections.findIndex((section) => sectionFieldIds(section).includes(fieldId));
  if (index >= 0) return `section-${index + 1}`;
  return SIGN_STEP;
}
