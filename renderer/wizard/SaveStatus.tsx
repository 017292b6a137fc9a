import { formatClock } from '../app/format';
import { t } from '../i18n/t';
import type { SaveState } from './use-draft-saver';

/** "已保存 HH:MM:SS" once the server confirmed, "保存失败：…" while it did not. */
export function SaveStatus({ state }: { state: SaveState }) {
  let text: string = t.wizard.notSavedYet;
  let cls = 'save-status';
  if (state.status === 'saving') text = t.wizard.saving;
  if (state.status === 'saved') {
    text = t.wizard.savedAt(formatClock(state.savedAt));
    cls += ' save-ok';
  }
  if (state.status === 'error') {
    const reason = t.error(state.error.code);
    text = state.willRetry ? t.wizard.saveFailed(reason) : t.wizard.saveRejected(reason);
    cls += ' save-error';
  }
  return (
    <p className={cls} role="status" aria-live="polite" data-testid="save-status" data-save-state={state.status}>
      {text}
    </p>
  );
}
