import { t } from '../i18n/t';

interface Props {
  stepIndex: number;
  stepCount: number;
  filled: number;
  total: number;
}

/** "第 i 步，共 N 步" and "已填写 x / y 处" with a bar for the fields. */
export function ProgressBar({ stepIndex, stepCount, filled, total }: Props) {
  return (
    <div className="progress" data-testid="wizard-progress">
      <div className="progress-text">
        <span data-testid="wizard-step-of">{t.wizard.stepOf(stepIndex + 1, stepCount)}</span>
        <span data-testid="wizard-filled">{t.wizard.filledOf(filled, total)}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t.wizard.filledOf(filled, total)}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={filled}
      >
        <div className="progress-fill" style={{ width: `${total === 0 ? 0 : (100 * filled) / total}%` }} />
      </div>
    </div>
  );
}
