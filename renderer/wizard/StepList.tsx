import type { StepKey } from '../../electron/shared/dto';
import { t } from '../i18n/t';
import type { WizardStep } from './steps';

interface Props {
  steps: WizardStep[];
  current: StepKey;
  /** Filled / total per step key, for the small counter beside each step. */
  counts: Readonly<Record<StepKey, { filled: number; total: number }>>;
  onSelect: (key: StepKey) => void;
}

/** Every step, the current one marked; any step can be jumped to. */
export function StepList({ steps, current, counts, onSelect }: Props) {
  return (
    <nav aria-label={t.wizard.steps}>
      <ol className="step-list">
        {steps.map((step, i) => {
          const count = counts[step.key];
          const done = count !== undefined && count.total > 0 && count.filled === count.total;
          return (
            <li key={step.key}>
              <button
                type="button"
                className={`step-item${step.key === current ? ' step-current' : ''}${done ? ' step-done' : ''}`}
                aria-current={step.key === current ? 'step' : undefined}
                data-step={step.key}
                onClick={() => onSelect(step.key)}
              >
                <span className="step-index">{i + 1}</span>
                <span className="step-label">{step.label}</span>
                {count !== undefined && count.total > 0 && (
                  <span className="step-count">
                    {count.filled}/{count.total}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
