import type { StepKey } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import type { StepStatus } from './step-status';
import { isStepDone } from './step-status';
import type { WizardStep } from './steps';

interface Props {
  steps: WizardStep[];
  current: StepKey;
  /** Per step key: filled / total blanks and confirmed / total clauses, for the counter and the done mark. */
  status: Readonly<Record<StepKey, StepStatus>>;
  /** Steps marked done whatever their counters say (the review step once nothing is missing). */
  doneKeys?: ReadonlySet<StepKey>;
  onSelect: (key: StepKey) => void;
}

/** Every step, the current one marked; any step can be jumped to. */
export function StepList({ steps, current, status, doneKeys, onSelect }: Props) {
  const { t } = useLocale();
  return (
    <nav aria-label={t.wizard.steps}>
      <ol className="step-list">
        {steps.map((step, i) => {
          const s = status[step.key];
          const done = doneKeys?.has(step.key) || isStepDone(s);
          return (
            <li key={step.key}>
              <button
                type="button"
                className={`step-item${step.key === current ? ' step-current' : ''}${done ? ' step-done' : ''}`}
                aria-current={step.key === current ? 'step' : undefined}
                data-step={step.key}
                data-done={done ? 'true' : undefined}
                title={step.label}
                aria-label={`${i + 1} ${step.label}`}
                onClick={() => onSelect(step.key)}
              >
                <span className="step-index">{done ? '✓' : i + 1}</span>
                <span className="step-label">{step.label}</span>
                {s !== undefined && s.total > 0 && (
                  <span className="step-count" title={t.wizard.filledOf(String(s.filled), String(s.total))}>
                    {s.filled}/{s.total}
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
