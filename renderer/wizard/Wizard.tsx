import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { Draft, StepKey } from '../../electron/shared/dto';
import type { FieldValue, FieldValues, Template } from '../../electron/shared/template';
import { localToday } from '../app/format';
import { t } from '../i18n/t';
import { FieldContext } from './field-context';
import type { FieldContextValue } from './field-context';
import { fieldProgress } from './field-progress';
import { IntroStep } from './IntroStep';
import { ProgressBar } from './ProgressBar';
import { SaveStatus } from './SaveStatus';
import { SectionStep } from './SectionStep';
import { SignStep } from './SignStep';
import { stepCounts } from './step-counts';
import { StepList } from './StepList';
import { INTRO_STEP, SIGN_STEP, wizardSteps } from './steps';
import { useDraftSaver } from './use-draft-saver';
import { useFinalize } from './use-finalize';
import { useSigner } from './use-signer';

interface Props {
  draft: Draft;
  template: Template;
  onHome: () => void;
  onSigned: (archiveId: string) => void;
}

/** The clause-by-clause wizard over one open draft; every change is saved through `drafts.update`. */
export function Wizard({ draft, template, onHome, onSigned }: Props) {
  const steps = useMemo(() => wizardSteps(template), [template]);
  const fields = useMemo(() => new Map(template.fields.map((f) => [f.id, f])), [template]);
  const dateFields = useMemo(() => template.fields.filter((f) => f.kind === 'date'), [template]);
  const [values, setValues] = useState<FieldValues>(draft.values);
  const [step, setStep] = useState<StepKey>(steps.some((s) => s.key === draft.step) ? draft.step : INTRO_STEP);
  const [rejected, setRejected] = useState<Record<string, string>>({});
  const [signatures, setSignatures] = useState<Record<string, string | null>>({});
  const saver = useDraftSaver(draft.id, (fieldId: string, error: ApiError) =>
    setRejected((r) => ({ ...r, [fieldId]: t.error(error.code) })),
  );
  const { queue } = saver;

  const setValue = useCallback(
    (fieldId: string, value: FieldValue) => {
      setValues((v) => ({ ...v, [fieldId]: value }));
      setRejected((r) => (fieldId in r ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== fieldId)) : r));
      queue({ values: { [fieldId]: value } });
    },
    [queue],
  );
  const { signer, changeSigner, setFieldValue } = useSigner(draft.signer, template, values, setValue, queue);

  const storedDate = dateFields.map((f) => values[f.id]).find((v): v is string => typeof v === 'string' && v !== '');
  const date = storedDate ?? localToday();
  const setDate = (value: string): void => dateFields.forEach((f) => setValue(f.id, value));

  // The date shown on the sign step is the one that will be signed: keep it in the draft from the start.
  useEffect(() => {
    if (step === SIGN_STEP && storedDate === undefined && dateFields.length > 0) setDate(date);
  }, [step]); // Only on entering a step: typing a date must not re-run it.

  const goTo = (key: StepKey): void => {
    setStep(key);
    queue({ step: key }, true);
    window.scrollTo(0, 0);
    document.querySelector('.wizard-main')?.scrollTo(0, 0);
  };

  const { busy, problems, finalize } = useFinalize({
    draftId: draft.id,
    template,
    values,
    signer,
    date,
    signatures,
    flush: saver.flush,
    onSigned,
  });

  const ctx: FieldContextValue = {
    fields,
    values,
    rejected,
    setValue: setFieldValue,
    renderSpecial: () => <span className="lit muted">{t.wizard.fillOnSignStep}</span>,
  };
  const index = steps.findIndex((s) => s.key === step);
  const current = steps[index] ?? steps[0];
  const progress = fieldProgress(template, values);
  const prev = steps[index - 1];
  const next = steps[index + 1];

  return (
    <div className="wizard" data-step={step}>
      <aside className="wizard-aside">
        <h2 className="wizard-title">{draft.title}</h2>
        <ProgressBar stepIndex={index} stepCount={steps.length} filled={progress.filled} total={progress.total} />
        <StepList steps={steps} current={step} counts={stepCounts(template, values)} onSelect={goTo} />
        <SaveStatus state={saver.state} />
        <button type="button" className="btn btn-quiet" onClick={onHome}>
          {t.backHome}
        </button>
      </aside>
      <section className="wizard-main">
        <FieldContext.Provider value={ctx}>
          <article className="paper" aria-label={current?.label}>
            {step === INTRO_STEP && (
              <IntroStep
                template={template}
                signer={signer}
                onSignerChange={changeSigner}
              />
            )}
            {current?.section && <SectionStep section={current.section} />}
            {step === SIGN_STEP && (
              <SignStep
                template={template}
                date={date}
                onDateChange={setDate}
                onSignature={(fieldId, png) => setSignatures((s) => ({ ...s, [fieldId]: png }))}
                busy={busy}
                problems={problems}
                onFinalize={() => void finalize()}
                onJump={goTo}
              />
            )}
          </article>
        </FieldContext.Provider>
        <nav className="wizard-nav">
          {prev ? (
            <button type="button" className="btn" onClick={() => goTo(prev.key)} data-action="back">
              {t.wizard.back}
            </button>
          ) : (
            <span />
          )}
          {next && (
            <button type="button" className="btn btn-primary" onClick={() => goTo(next.key)} data-action="next">
              {next.key === SIGN_STEP ? t.wizard.toSign : t.wizard.next}
            </button>
          )}
        </nav>
      </section>
    </div>
  );
}

