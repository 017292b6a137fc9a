import { useContext } from 'react';
import type { ReactNode } from 'react';
import type { Signer, StepKey } from '../../electron/shared/dto';
import type { Template, TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { DateInput } from './DateInput';
import { FieldContext } from './field-context';
import { DigitalSignatureField } from './DigitalSignatureField';
import { ImageUpload } from './ImageUpload';
import type { DateFormat, SignOptions } from './sign-options';
import { formatSigningDate } from './sign-options';
import { SavedImages } from './SavedImages';
import { SignatureInput } from './SignatureInput';
import { WetInkDone } from './WetInkDone';
import { TemplateParagraphs } from './TemplateParagraphs';
import { SIGN_STEP } from './steps';
import type { SignProblem } from './use-finalize';
import { useSignerProfileAssets } from './use-profile-assets';

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
  signer: Signer;
  options: SignOptions;
  onOptionsChange: (next: SignOptions) => void;
  busy: boolean;
  problems: SignProblem[];
  /** `true`: archive a copy to print and sign in ink. */
  onFinalize: (wetInk: boolean) => void;
  /** The wet-ink record just archived, if any. */
  wetInkId: string | null;
  onOpenRecord: (archiveId: string) => void;
  /** Opens a step and focuses the element the selector names there. */
  onJump: (step: StepKey, focus?: string) => void;
}

/**
 * Last step: the closing lines with a signature input per field and the date, the signing options (seal, date
 * format, digital signature), the legal notice, and "签署并生成 PDF" or "打印后手写签署".
 */
export function SignStep(props: Props) {
  const { template, date, onDateChange, onSignature, signer, options, onOptionsChange, busy, problems, onFinalize, wetInkId, onOpenRecord, onJump } = props;
  const ctx = useContext(FieldContext);
  const saved = useSignerProfileAssets(signer);
  const dateFields = template.fields.filter((f) => f.kind === 'date');
  const special = (field: TemplateField): ReactNode =>
    field.kind === 'signature' ? (
      <SignatureInput field={field} signerName={signer.name} onChange={(png) => onSignature(field.id, png)} saved={saved} />
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
      <section className="sign-options" aria-label={t.sign.optionsHeading}>
        <h3 className="sign-options-heading">{t.sign.optionsHeading}</h3>
        {signer.type === '企业' && (
          <fieldset className="sign-option seal-option" data-testid="seal-option">
            <legend>{t.sign.seal}</legend>
            <ImageUpload
              kind="seal"
              label={t.sign.sealLabel}
              hint={t.sign.sealHint}
              previewLabel={t.sign.sealPreview}
              value={options.seal}
              onChange={(seal) => onOptionsChange({ ...options, seal })}
            />
            <SavedImages
              kind="seal"
              label={t.sign.seal}
              saved={saved}
              current={options.seal}
              inUse={options.seal}
              onUse={(seal) => onOptionsChange({ ...options, seal })}
            />
          </fieldset>
        )}
        <label className="sign-option date-format-option">
          <span>{t.sign.dateFormat}</span>
          <select value={options.dateFormat} onChange={(e) => onOptionsChange({ ...options, dateFormat: e.target.value as DateFormat })} data-testid="date-format">
            {(['zh', 'iso'] as const).map((f) => (
              <option key={f} value={f}>
                {t.sign.dateFormats[f]}
              </option>
            ))}
          </select>
          <span className="form-hint">{formatSigningDate(date, options.dateFormat)}</span>
        </label>
        <DigitalSignatureField value={options.digital} signer={signer} onChange={(digital) => onOptionsChange({ ...options, digital })} />
      </section>
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
        <button type="button" className="btn btn-primary btn-large" disabled={busy || wetInkId !== null} onClick={() => onFinalize(false)} data-action="finalize">
          {busy ? t.sign.finalizing : t.sign.finalize}
        </button>
        <button type="button" className="btn btn-large" disabled={busy || wetInkId !== null} onClick={() => onFinalize(true)} data-action="finalize-wet-ink">
          {t.sign.wetInk}
        </button>
      </div>
      <p className="form-hint">{t.sign.wetInkHint}</p>
      {wetInkId && <WetInkDone archiveId={wetInkId} onOpenRecord={() => onOpenRecord(wetInkId)} />}
    </div>
  );
}
