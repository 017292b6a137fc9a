import { useState } from 'react';
import type { Signer, StepKey } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { isIsoDate } from '../../electron/shared/validate-field-value';
import { call } from '../api/pledge';
import { t } from '../i18n/t';
import { fieldMessage } from './field-message';
import { INTRO_STEP, SIGN_STEP, stepOfField } from './steps';

/** Something that blocks signing, with the step where it is fixed. */
export interface SignProblem {
  message: string;
  step: StepKey | null;
  fieldId?: string;
}

interface Input {
  draftId: string;
  template: Template;
  values: FieldValues;
  signer: Signer;
  date: string;
  signatures: Readonly<Record<string, string | null>>;
  /** Saves whatever is pending first, so the server signs what the screen shows. */
  flush: () => Promise<boolean>;
  onSigned: (archiveId: string) => void;
}

/** What the UI can check before calling the core: signer, every blank valid and filled, signatures, date. */
function precheck({ template, values, signer, date, signatures }: Input): SignProblem[] {
  const problems: SignProblem[] = [];
  if (signer.name.trim() === '') problems.push({ message: t.sign.missingSigner, step: INTRO_STEP });
  for (const field of template.fields) {
    if (field.kind === 'signature') {
      if (field.required && !signatures[field.id]) problems.push({ message: t.sign.missingSignature(field.label), step: SIGN_STEP, fieldId: field.id });
      continue;
    }
    if (field.kind === 'date') continue;
    const message = fieldMessage(field, values[field.id], true);
    if (message) problems.push({ message: `“${field.label}”：${message}`, step: stepOfField(template, field.id), fieldId: field.id });
  }
  if (!isIsoDate(date)) problems.push({ message: t.sign.badDate, step: SIGN_STEP });
  return problems;
}

/** Runs `signing.finalize` after the checks; errors come back as problems in Chinese, by code. */
export function useFinalize(input: Input): { busy: boolean; problems: SignProblem[]; finalize: () => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SignProblem[]>([]);

  const finalize = async (): Promise<void> => {
    const found = precheck(input);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      if (!(await input.flush())) {
        setProblems([{ message: t.sign.saveBeforeSignFailed, step: null }]);
        return;
      }
      const signatures: Record<string, { png: string }> = {};
      for (const [fieldId, png] of Object.entries(input.signatures)) if (png) signatures[fieldId] = { png };
      const res = await call('signing.finalize', { draftId: input.draftId, signatures, date: input.date });
      if (res.ok) {
        input.onSigned(res.value.id);
        return;
      }
      const { code, field: fieldId } = res.error;
      const field = fieldId ? input.template.fields.find((f) => f.id === fieldId) : undefined;
      const label = field?.label ?? (fieldId?.startsWith('signer') ? t.wizard.signerName : fieldId);
      let message = t.error(code);
      if (code === 'MISSING_VALUE' && label) message = t.sign.missingValue(label);
      if (code === 'INVALID_VALUE' && label) message = `${t.sign.invalidValue(label)}（${t.error(code)}）`;
      setProblems([{ message, step: fieldId ? stepOfField(input.template, fieldId) : null, fieldId }]);
    } finally {
      setBusy(false);
    }
  };

  return { busy, problems, finalize };
}
