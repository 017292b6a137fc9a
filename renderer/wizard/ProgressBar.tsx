import { formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';

interface Props {
  stepIndex: number;
  stepCount: number;
  filled: number;
  total: number;
  confirmed: number;
  clauses: number;
}

/** "第 i 步，共 N 步", "已填写 x / y 处" with a bar for the fields, and "已确认 x / y 条" for the clauses. */
export function ProgressBar({ stepIndex, stepCount, filled, total, confirmed, clauses }: Props) {
  const { t, locale } = useLocale();
  const n = (v: number): string => formatNumber(v, locale);
  const filledText = t.wizard.filledOf(n(filled), n(total));
  return (
    <div className="progress" data-testid="wizard-progress">
      <div className="progress-text">
        <span data-testid="wizard-step-of">{t.wizard.stepOf(n(stepIndex + 1), n(stepCount))}</span>
        <span data-testid="wizard-filled">{filledText}</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={filledText} aria-valuemin={0} aria-valuemax={total} aria-valuenow={filled}>
        <div className="progress-fill" style={{ width: `${total === 0 ? 0 : (100 * filled) / total}%` }} />
      </div>
      {clauses > 0 && (
        <div className="progress-text progress-acks">
          <span data-testid="wizard-confirmed">{t.wizard.confirmedOf(n(confirmed), n(clauses))}</span>
        </div>
      )}
    </div>
  );
}
