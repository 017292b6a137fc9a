import type { ArchiveRecord } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import { valueRows } from './record-values';

interface Props {
  record: Pick<ArchiveRecord, 'signerDetails' | 'values' | 'personalData' | 'templateId' | 'templateVersion'>;
  /** Shows (true: one logged reveal) or hides (false) the personal data in full. */
  onReveal: (reveal: boolean) => void;
  busy: boolean;
}

/**
 * The signer and the filled values. Personal data (ID and phone numbers, addresses) arrives masked; showing
 * it in full is a deliberate click, logged in the record's history, and it is masked again when the record is left.
 */
export function RecordSigner({ record, onReveal, busy }: Props) {
  const { t, locale } = useLocale();
  const [template] = useApi(() => call('templates.get', { id: record.templateId, version: record.templateVersion }), [record.templateId, record.templateVersion]);
  const s = record.signerDetails;
  const w = t.wizard;
  const rows: Array<[string, string | undefined, string]> = [
    [w.signerType, w.signerTypes[s.type], 'type'],
    [w.signerName, s.name, 'name'],
    [w.organisation, s.organisation, 'organisation'],
    [w.creditCode, s.creditCode, 'creditCode'],
    [w.idNumber, s.idNumber, 'idNumber'],
    [w.phone, s.phone, 'phone'],
    [w.address, s.address, 'address'],
  ];
  const values = valueRows(record.values, template.state === 'ok' ? template.value.fields : null);
  const canReveal = record.personalData === 'masked' || record.personalData === 'revealed';

  return (
    <section className="panel record-signer" aria-labelledby="record-signer-heading" data-personal={record.personalData}>
      <div className="panel-head">
        <h2 id="record-signer-heading">{t.record.signerHeading}</h2>
        {canReveal && (
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={record.personalData === 'revealed'}
            disabled={busy}
            title={t.record.revealHint}
            onClick={() => onReveal(record.personalData !== 'revealed')}
            data-action="reveal"
          >
            {record.personalData === 'revealed' ? t.record.hide : t.record.reveal}
          </button>
        )}
      </div>
      <p className={`hint personal-${record.personalData}`} data-testid="personal-state">
        {t.record.personal[record.personalData]}
      </p>
      <dl className="facts facts-pairs" data-testid="signer-details">
        {rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value, key]) => (
            <div key={key} className="fact" data-field={key}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {values.length > 0 && (
        <details className="record-values">
          <summary className="subheading">{t.record.valuesHeading(formatNumber(values.length, locale))}</summary>
          <dl className="facts facts-pairs" data-testid="record-values">
            {values.map((row) => (
              <div key={row.fieldId} className="fact" data-field-id={row.fieldId}>
                <dt>{row.label}</dt>
                <dd>{row.text}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
