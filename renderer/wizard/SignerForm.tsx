import { useId } from 'react';
import type { Signer } from '../../electron/shared/dto';
import { t } from '../i18n/t';

const TYPES: Signer['type'][] = ['企业', '个人', '其他'];

/** Who makes the pledge: type (企业/个人/其他), the signer's name (required) and the organisation. */
export function SignerForm({ signer, onChange }: { signer: Signer; onChange: (next: Signer) => void }) {
  const nameId = useId();
  const orgId = useId();
  const nameHintId = useId();
  const nameMissing = signer.name.trim() === '';
  return (
    <fieldset className="signer-form">
      <legend>{t.wizard.signerHeading}</legend>
      <div className="form-row" role="radiogroup" aria-label={t.wizard.signerType}>
        <span className="form-label">{t.wizard.signerType}</span>
        {TYPES.map((type) => (
          <label key={type} className="radio">
            <input type="radio" name="signer-type" value={type} checked={signer.type === type} onChange={() => onChange({ ...signer, type })} />
            {t.wizard.signerTypes[type]}
          </label>
        ))}
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={nameId}>
          {t.wizard.signerName}
          <span className="required" aria-hidden="true">
            *
          </span>
        </label>
        <input
          id={nameId}
          type="text"
          className="text-input"
          value={signer.name}
          required
          aria-required="true"
          aria-describedby={nameHintId}
          maxLength={200}
          autoComplete="name"
          onChange={(e) => onChange({ ...signer, name: e.target.value })}
        />
        <span id={nameHintId} className={nameMissing ? 'form-hint form-hint-warn' : 'form-hint'}>
          {nameMissing ? t.wizard.signerNameRequired : t.wizard.signerNameHint}
        </span>
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor={orgId}>
          {t.wizard.organisation}
        </label>
        <input
          id={orgId}
          type="text"
          className="text-input"
          value={signer.organisation ?? ''}
          maxLength={200}
          autoComplete="organization"
          onChange={(e) => onChange({ ...signer, organisation: e.target.value })}
        />
        <span className="form-hint">{t.wizard.organisationHint}</span>
      </div>
    </fieldset>
  );
}
