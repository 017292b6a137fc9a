import { useContext } from 'react';
import type { ReactNode } from 'react';
import type { StepKey } from '../../electron/shared/dto';
import type { Template, TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { DateInput } from './DateInput';
import { FieldContext } from './field-context';
import { SignaturePadField } from './SignaturePadField';
import { TemplateParagraphs } from './TemplateParagraphs';
import { SIGN_STEP } from './steps';
import type { SignProblem } from './use-finalize';

/** Where a problem's link puts the focus: its blank, or its clause's confirmation box. */
function focusSelector(p: SignProblem): string | undefined {
  if (p.clauseKey) return `[data-ack-key="${p.clauseKey}"]`;
  return p.fieldId ? `[data-field-id="${p.fieldId}"]` : undefined;
}

/** Problems listed one by one; beyond this the step list's counters say where the rest are. */
const MAX_LISTED = 5;

interface Props {
  template: Template;
  date: string;
  onDateChange: (value: string) => void;
  onSignature: (fieldId: string, png: string | null) => void;
  busy: boolean;
  problems: SignProblem[];
  onFinalize: () => void;
  /** Opens a step and focuses the element the selector names there. */
  onJump: (step: StepKey, focus?: string) => void;
}

/** Last step: the closing lines with signature pads and the date, the legal notice, and "签署并生成 PDF". */
export function SignStep({ template, date, onDateChange, onSignature, busy, problems, onFinalize, onJump }: Props) {
  const ctx = useContext(FieldContext);
  const dateFields = template.fields.filter((f) => f.kind === 'date');
  const special = (field: TemplateField): ReactNode =>
    field.kind === 'signature' ? (
      <SignaturePadField field={field} onChange={(png) => onSignature(field.id, png)} />
    ) : (
      <DateInput field={field} value={date} onChange={onDateChange} />
    );
  const signCtx = ctx ? { ...ctx, renderSpecial: special } : null;
  const inClosing = new Set(template.closing.fields);
  const extra = template.fields.filter((f) => (f.kind === 'signature' || f.kind === 'date') && !inClosing.has(f.id));

  return (
    <div className="sign-step">
      <h2 className="section-heading" tabIndex={-1}>
        {t.sign.heading}
      </h2>
      <FieldContext.Provider value={signCtx}>
        <TemplateParagraphs text={template.closing.text} className="clause-text closing" />
        {extra.map((field) => (
          <p key={field.id} className="clause-text closing">
            <span className="lit">{field.label}：</span>
            {special(field)}
          </p>
        ))}
        {dateFields.length === 0 && (
          <p className="clause-text closing">
            <span className="lit">{t.sign.date}：</span>
            <DateInput field={null} value={date} onChange={onDateChange} />
          </p>
        )}
      </FieldContext.Provider>
      <aside className="notice notice-info legal-notice">{t.sign.notice}</aside>
      {problems.length > 0 && (
        <div className="notice notice-error sign-problems" role="alert">
          <p>{t.sign.precheckHeading}</p>
          <ul>
            {problems.slice(0, MAX_LISTED).map((p, i) => (
              <li key={i}>
                {p.message}
                {p.step && p.step !== SIGN_STEP && (
                  <button type="button" className="btn btn-small btn-link" onClick={() => onJump(p.step as StepKey, focusSelector(p))}>
                    {t.sign.goToField}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {problems.length > MAX_LISTED && <p>{t.sign.moreProblems(problems.length - MAX_LISTED)}</p>}
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" disabled={busy} onClick={onFinalize} data-action="finalize">
          {busy ? t.sign.finalizing : t.sign.finalize}
        </button>
      </div>
    </div>
  );
}
