import { useState } from 'react';
import { call } from '../api/pledge';
import { t } from '../i18n/t';
import type { PrecheckInput, SignProblem } from './precheck';
import { precheck } from './precheck';
import type { SignOptions } from './sign-options';
import { finalizeRequest, optionProblems } from './sign-options';
import { stepOfField } from './steps';

export type { SignProblem } from './precheck';

/** What is signed: what `precheck` checks (wet ink is chosen per call, see `finalize`), plus the draft and options. */
interface Input extends Omit<PrecheckInput, 'wetInk'> {
  draftId: string;
  /** Seal, date format and the optional digital signature. */
  options: SignOptions;
  /** Saves whatever is pending first, so the server signs what the screen shows. */
  flush: () => Promise<boolean>;
  /** Called with the new record; `wetInk` for a copy to be signed on paper. */
  onSigned: (archiveId: string, wetInk: boolean) => void;
}

const SIGNER_LABELS: Record<string, () => string> = {
  'signer.name': () => t.wizard.signerName,
  'signer.idNumber': () => t.wizard.idNumber,
  'signer.creditCode': () => t.wizard.creditCode,
  'signer.phone': () => t.wizard.phone,
};

/**
 * Runs `signing.finalize` after the checks; errors come back as problems in the UI language, by code.
 * `finalize(true)` archives the wet-ink copy: no signature images (nor seal), to be printed and signed on paper.
 */
export function useFinalize(input: Input): { busy: boolean; problems: SignProblem[]; finalize: (wetInk?: boolean) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SignProblem[]>([]);

  const finalize = async (wetInk = false): Promise<void> => {
    const found = [...precheck({ ...input, wetInk }), ...optionProblems(input.options)];
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      if (!(await input.flush())) {
        setProblems([{ message: t.sign.saveBeforeSignFailed, step: null }]);
        return;
      }
      // A seal belongs to a company: one chosen before switching the signer type is not sent.
      const options = input.signer.type === '企业' ? input.options : { ...input.options, seal: null };
      const res = await call('signing.finalize', finalizeRequest(input.draftId, input.signatures, input.date, options, wetInk));
      if (res.ok) {
        input.onSigned(res.value.id, wetInk);
        return;
      }
      const { code, field: fieldId } = res.error;
      const field = fieldId ? input.template.fields.find((f) => f.id === fieldId) : undefined;
      const label = field?.label ?? (fieldId ? (SIGNER_LABELS[fieldId]?.() ?? fieldId) : undefined);
      let message = t.error(code);
      if (code === 'MISSING_VALUE' && label) message = t.sign.missingValue(label);
      if (code === 'INVALID_VALUE' && label) message = `${t.sign.invalidValue(label)}（${t.error(code)}）`;
      setProblems([{ message, step: fieldId ? stepOfField(input.template, fieldId) : null, ...(fieldId ? { fieldId } : {}) }]);
    } finally {
      setBusy(false);
    }
  };

  return { busy, problems, finalize };
}
