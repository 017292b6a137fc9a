import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../app/format';
import { rmbUppercase } from './rmb-uppercase';

/** Beside a money blank: the amount in Chinese capitals (人民币大写), as it must be written on a pledge. */
export function RmbCapital({ value, fieldId }: { value: string; fieldId: string }) {
  const { t, locale } = useLocale();
  const words = rmbUppercase(value);
  if (!words) return null;
  return (
    <span className="rmb-capital" data-testid="rmb-capital" data-field-id={fieldId} title={t.wizard.amountIs(formatMoney(Number(value), locale))}>
      {t.wizard.rmbCapital(words)}
    </span>
  );
}
