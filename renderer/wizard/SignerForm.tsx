import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Signer } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import { onEnterFocusNext } from './focus-next';
import type { SignerNumberKey } from './signer-fields';
import { signerDetailKeys, signerNumberMessage, withSignerType } from './signer-fields';

const TYPES: Signer['type'][] = ['企业', '个人', '其他'];

interface RowProps {
  field: keyof Signer;
  label: string;
  hint: string;
  /** A validation message shown instead of the hint (as the user types). */
  message?: string | null;
  /** Announce the message as it appears (check-digit problems), not a standing reminder. */
  alert?: boolean;
  required?: boolean;
  value: string;
  maxLength: number;
  autoComplete?: string;
  inputMode?: 'tel' | 'text';
  onChange: (value: string) => void;
}

/** One labelled input of the signer form, with its hint or its validation message beside it. */
function SignerRow({ field, label, hint, message, alert, required, value, maxLength, autoComplete, inputMode, onChange }: RowProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="form-row">
      <label className="form-label" htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <input
        id={id}
        type="text"
        className={`text-input${message ? ' text-input-invalid' : ''}`}
        value={value}
        required={required}
        aria-required={required ? true : undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={hintId}
        data-signer-field={field}
        data-field-id={`signer.${field}`}
        maxLength={maxLength}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onEnterFocusNext}
      />
      <span id={hintId} className={message ? 'form-hint form-hint-warn' : 'form-hint'} role={message && alert ? 'alert' : undefined}>
        {message ?? hint}
      </span>
    </div>
  );
}

interface Props {
  signer: Signer;
  onChange: (next: Signer) => void;
  /** Drawn at the top of the form: the saved-signer picker. */
  profiles?: ReactNode;
}

/**
 * Who makes the pledge: type (企业/个人/其他), name (required), organisation, and by type the resident ID or the
 * unified social credit code, phone and address. Numbers are checked (check digits included) as they are typed.
 */
export function SignerForm({ signer, onChange, profiles }: Props) {
  const { t } = useLocale();
  const nameMissing = signer.name.trim() === '';
  // A number the type does not ask for is still shown while it holds something (the host checks it at signing).
  const details = signerDetailKeys(signer.type);
  const shows = (key: 'idNumber' | 'creditCode'): boolean => details.includes(key) || (signer[key] ?? '') !== '';
  const numberRow = (key: SignerNumberKey, label: string, hint: string, maxLength: number, inputMode: 'tel' | 'text') => (
    <SignerRow
      key={key}
      field={key}
      label={label}
      hint={hint}
      message={signerNumberMessage(key, signer[key])}
      alert
      value={signer[key] ?? ''}
      maxLength={maxLength}
      inputMode={inputMode}
      autoComplete={key === 'phone' ? 'tel' : 'off'}
      onChange={(value) => onChange({ ...signer, [key]: value })}
    />
  );
  return (
    <fieldset className="signer-form">
      <legend>{t.wizard.signerHeading}</legend>
      {profiles}
      <div className="form-row form-row-radios" role="radiogroup" aria-label={t.wizard.signerType}>
        <span className="form-label">{t.wizard.signerType}</span>
        <span className="radios">
          {TYPES.map((type) => (
            <label key={type} className="radio">
              <input
                type="radio"
                name="signer-type"
                value={type}
                checked={signer.type === type}
                onChange={() => onChange(withSignerType(signer, type))}
              />
              {t.wizard.signerTypes[type]}
            </label>
          ))}
        </span>
      </div>
      <SignerRow
        field="name"
        label={t.wizard.signerName}
        hint={t.wizard.signerNameHint}
        message={nameMissing ? t.wizard.signerNameRequired : null}
        required
        value={signer.name}
        maxLength={200}
        autoComplete="name"
        onChange={(name) => onChange({ ...signer, name })}
      />
      <SignerRow
        field="organisation"
        label={t.wizard.organisation}
        hint={t.wizard.organisationHint}
        value={signer.organisation ?? ''}
        maxLength={200}
        autoComplete="organization"
        onChange={(organisation) => onChange({ ...signer, organisation })}
      />
      {shows('idNumber') && numberRow('idNumber', t.wizard.idNumber, t.wizard.idNumberHint, 64, 'text')}
      {shows('creditCode') && numberRow('creditCode', t.wizard.creditCode, t.wizard.creditCodeHint, 64, 'text')}
      {numberRow('phone', t.wizard.phone, t.wizard.phoneHint, 64, 'tel')}
      <SignerRow
        field="address"
        label={t.wizard.address}
        hint={t.wizard.addressHint}
        value={signer.address ?? ''}
        maxLength={500}
        autoComplete="street-address"
        onChange={(address) => onChange({ ...signer, address })}
      />
    </fieldset>
  );
}
