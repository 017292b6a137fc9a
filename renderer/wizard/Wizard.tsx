import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import { clauseIndex } from '../../electron/shared/clause-index';
import type { Draft, StepKey } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { localToday } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import { ackCounts } from './acks';
import { FieldContext } from './field-context';
import type { FieldContextValue } from './field-context';
import { fieldProgress } from './field-progress';
import { IntroStep } from './IntroStep';
import { PledgePreview } from './PledgePreview';
import { reviewDraft } from './review';
import { ReviewStep } from './ReviewStep';
import { SectionStep } from './SectionStep';
import { SignStep } from './SignStep';
import type { SignOptions } from './sign-options';
import { DEFAULT_SIGN_OPTIONS } from './sign-options';
import { stepStatuses } from './step-status';
import { INTRO_STEP, REVIEW_STEP, SIGN_STEP, wizardSteps } from './steps';
import { useAnswers } from './use-answers';
import { useDraftSaver } from './use-draft-saver';
import { useFinalize } from './use-finalize';
import { useSigner } from './use-signer';
import { useStepFocus } from './use-step-focus';
import type { Migration } from './VersionBanner';
import { MigrationNotice, VersionBanner } from './VersionBanner';
import { WizardAside } from './WizardAside';

interface Props {
  draft: Draft;
  template: Template;
  onHome: () => void;
  onSigned: (archiveId: string) => void;
  /** After "迁移到新版本": the screen reloads the draft at its new version and shows this. */
  onMigrated: (migration: Migration) => void;
  migration: Migration | null;
  onDismissMigration: () => void;
}

/** The clause-by-clause wizard over one open draft; every change is saved through `drafts.update`. */
export function Wizard({ draft, template, onHome, onSigned, onMigrated, migration, onDismissMigration }: Props) {
  const { t, locale } = useLocale();
  // The labels of the steps are in the UI language: rebuilt when it changes.
  const steps = useMemo(() => wizardSteps(template), [template, locale]);
  const fields = useMemo(() => new Map(template.fields.map((f) => [f.id, f])), [template]);
  const clauses = useMemo(() => clauseIndex(template), [template]);
  const dateFields = useMemo(() => template.fields.filter((f) => f.kind === 'date'), [template]);
  const [step, setStep] = useState<StepKey>(steps.some((s) => s.key === draft.step) ? draft.step : INTRO_STEP);
  const [rejected, setRejected] = useState<Record<string, string>>({});
  const [signatures, setSignatures] = useState<Record<string, string | null>>({});
  const [signOptions, setSignOptions] = useState<SignOptions>(DEFAULT_SIGN_OPTIONS);
  /** The wet-ink record just archived: the sign step then offers to attach its scan. */
  const [wetInkId, setWetInkId] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const requestFocus = useStepFocus(step);
  const saver = useDraftSaver(draft.id, (fieldId: string, error: ApiError) =>
    setRejected((r) => ({ ...r, [fieldId]: t.error(error.code) })),
  );
  const { queue } = saver;
  const { values, acks, setValue, setAck } = useAnswers(draft, template, queue, (fieldId) =>
    setRejected((r) => (fieldId in r ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== fieldId)) : r)),
  );
  const { signer, changeSigner, setFieldValue } = useSigner(draft.signer, template, values, setValue, queue);

  const storedDate = dateFields.map((f) => values[f.id]).find((v): v is string => typeof v === 'string' && v !== '');
  const date = storedDate ?? localToday();
  const setDate = (value: string): void => dateFields.forEach((f) => setValue(f.id, value));

  // The date shown on the sign step is the one that will be signed: keep it in the draft from the start.
  useEffect(() => {
    if (step === SIGN_STEP && storedDate === undefined && dateFields.length > 0) setDate(date);
  }, [step]); // Only on entering a step: typing a date must not re-run it.

  const goTo = (key: StepKey, focus?: string): void => {
    requestFocus(focus ?? null);
    setStep(key);
    queue({ step: key }, true);
    if (!focus) {
      window.scrollTo(0, 0);
      document.querySelector('.wizard-main')?.scrollTo(0, 0);
    }
  };

  const { busy, problems, finalize } = useFinalize({
    draftId: draft.id,
    template,
    values,
    signer,
    acks,
    date,
    signatures,
    options: signOptions,
    flush: saver.flush,
    onSigned: (archiveId, wetInk) => (wetInk ? setWetInkId(archiveId) : onSigned(archiveId)),
  });

  const ctx: FieldContextValue = {
    fields,
    values,
    rejected,
    setValue: setFieldValue,
    acks,
    setAck,
    renderSpecial: () => <span className="lit muted">{t.wizard.fillOnSignStep}</span>,
  };
  const index = steps.findIndex((s) => s.key === step);
  const current = steps[index] ?? steps[0];
  const acked = ackCounts(clauses, acks);
  const review = reviewDraft(template, values, signer, acks);
  const status = stepStatuses(
    template,
    values,
    steps.map((s) => s.key),
    acked.byStep,
  );
  const prev = steps[index - 1];
  const next = steps[index + 1];
  const sectionIndex = current?.section ? template.sections.indexOf(current.section) : -1;
  const labelOf = (key: StepKey): string => steps.find((s) => s.key === key)?.label ?? key;

  return (
    <div className={`wizard${preview ? ' wizard-with-preview' : ''}`} data-step={step}>
      <WizardAside
        title={draft.title}
        steps={steps}
        current={step}
        status={status}
        doneKeys={new Set(review.ready ? [REVIEW_STEP] : [])}
        progress={{ ...fieldProgress(template, values), confirmed: acked.confirmed, clauses: acked.total }}
        saveState={saver.state}
        preview={preview}
        onTogglePreview={() => setPreview((p) => !p)}
        onSelect={(key) => goTo(key)}
        onHome={onHome}
      />
      <section className="wizard-main">
        {migration && <MigrationNotice migration={migration} onClose={onDismissMigration} />}
        <VersionBanner draft={draft} template={template} values={values} flush={saver.flush} onMigrated={onMigrated} />
        <FieldContext.Provider value={ctx}>
          <article className="paper" aria-label={current?.label} data-step={step}>
            {step === INTRO_STEP && <IntroStep template={template} signer={signer} onSignerChange={changeSigner} />}
            {current?.section && <SectionStep section={current.section} index={sectionIndex} />}
            {step === REVIEW_STEP && <ReviewStep review={review} stepLabel={labelOf} onJump={goTo} onSign={() => goTo(SIGN_STEP)} />}
            {step === SIGN_STEP && (
              <SignStep
                template={template}
                date={date}
                onDateChange={setDate}
                onSignature={(fieldId, png) => setSignatures((s) => ({ ...s, [fieldId]: png }))}
                signer={signer}
                options={signOptions}
                onOptionsChange={setSignOptions}
                busy={busy}
                problems={problems}
                onFinalize={(wetInk) => void finalize(wetInk)}
                wetInkId={wetInkId}
                onOpenRecord={(id) => onSigned(id)}
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
      {preview && (
        <PledgePreview template={template} values={values} signer={signer} date={date} sectionIndex={sectionIndex} onClose={() => setPreview(false)} />
      )}
    </div>
  );
}
