import { formatInstant } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import { useFieldContext } from './field-context';

/** Under a leaf clause: "已阅读并同意本条款", with the time of the confirmation on hover. */
export function AckCheckbox({ clauseKey, number }: { clauseKey: string; number: string }) {
  const { acks, setAck } = useFieldContext();
  const { t, locale } = useLocale();
  const at = acks[clauseKey];
  const title = at ? t.wizard.ackedAt(formatInstant(at, locale)) : t.wizard.ackPending;
  return (
    <div className={`ack${at ? ' ack-done' : ''}`} data-ack-clause={clauseKey}>
      <label title={title}>
        <input
          type="checkbox"
          checked={at !== undefined}
          data-ack-key={clauseKey}
          aria-label={`${number} ${t.wizard.ack}`.trim()}
          onChange={(e) => setAck(clauseKey, e.target.checked)}
        />
        <span>{t.wizard.ack}</span>
      </label>
      {at && (
        <span className="ack-time" title={title}>
          {formatInstant(at, locale)}
        </span>
      )}
    </div>
  );
}
