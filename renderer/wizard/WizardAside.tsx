import type { StepKey } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import { ProgressBar } from './ProgressBar';
import { SaveStatus } from './SaveStatus';
import type { StepStatus } from './step-status';
import { StepList } from './StepList';
import type { WizardStep } from './steps';
import type { SaveState } from './use-draft-saver';

interface Props {
  title: string;
  steps: WizardStep[];
  current: StepKey;
  status: Readonly<Record<StepKey, StepStatus>>;
  doneKeys: ReadonlySet<StepKey>;
  progress: { filled: number; total: number; confirmed: number; clauses: number };
  saveState: SaveState;
  preview: boolean;
  onTogglePreview: () => void;
  onSelect: (key: StepKey) => void;
  onHome: () => void;
}

/** Beside the page: the pledge's title, progress, every step (any can be opened), the preview toggle, saving. */
export function WizardAside({ title, steps, current, status, doneKeys, progress, saveState, preview, onTogglePreview, onSelect, onHome }: Props) {
  const { t } = useLocale();
  const index = steps.findIndex((s) => s.key === current);
  return (
    <aside className="wizard-aside">
      <h2 className="wizard-title">{title}</h2>
      <ProgressBar stepIndex={index} stepCount={steps.length} {...progress} />
      <StepList steps={steps} current={current} status={status} doneKeys={doneKeys} onSelect={onSelect} />
      <button
        type="button"
        className={`btn btn-small preview-toggle${preview ? ' btn-pressed' : ''}`}
        aria-pressed={preview}
        onClick={onTogglePreview}
        data-action="preview"
      >
        {t.wizard.preview}
      </button>
      <SaveStatus state={saveState} />
      <button type="button" className="btn btn-quiet" onClick={onHome}>
        {t.backHome}
      </button>
    </aside>
  );
}
