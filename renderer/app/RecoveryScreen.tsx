import { useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { RestoreResult, StartupProblem } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { formatDateTime } from './format';

/** Starts the app afresh: the host behind `window.pledge` now answers normally (or tries again). */
function reload(): void {
  window.location.reload();
}

/**
 * Shown instead of the app when the host could not use the database (`AppInfo.recovery`): what is wrong, in
 * Chinese first; where the database file is; and, when a backup can repair it, "从最近的自动备份恢复"
 * (`backup.restore`), after which it shows where the damaged file was kept. A full or read-only folder gets
 * what to do about it and a retry (the host tries to open the folder again on the next `app.info`).
 */
export function RecoveryScreen({ problem }: { problem: StartupProblem }) {
  const { t, locale } = useLocale();
  const [state, setState] = useState<{ name: 'idle' } | { name: 'restoring' } | { name: 'done'; result: RestoreResult } | { name: 'failed'; error: ApiError }>({
    name: 'idle',
  });
  const storage = problem.code === 'STORAGE_UNAVAILABLE' || problem.code === 'MIGRATION_BACKUP_FAILED';
  const restore = async (): Promise<void> => {
    setState({ name: 'restoring' });
    const res = await call('backup.restore', {});
    setState(res.ok ? { name: 'done', result: res.value } : { name: 'failed', error: res.error });
  };

  if (state.name === 'done') {
    const { restored, movedAside } = state.result;
    return (
      <section className="panel recovery-screen" aria-labelledby="recovery-heading" data-testid="recovery-done">
        <h1 id="recovery-heading" className="screen-heading">
          {t.recovery.restored(formatDateTime(restored.createdAt, locale))}
        </h1>
        {movedAside.length > 0 && (
          <div>
            <p>{t.recovery.keptAs}</p>
            <ul className="recovery-paths">
              {movedAside.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="button" className="btn btn-primary" onClick={reload} data-action="enter-app">
          {t.recovery.enter}
        </button>
      </section>
    );
  }

  return (
    <section className="panel recovery-screen" aria-labelledby="recovery-heading" data-testid="recovery-screen" data-code={problem.code}>
      <h1 id="recovery-heading" className="screen-heading">
        {t.recovery.heading}
      </h1>
      <p data-testid="recovery-problem">{t.recovery.problem[problem.code]}</p>
      {storage && <p>{problem.storage === 'full' ? t.recovery.full : problem.storage === 'read-only' ? t.recovery.readOnly : t.recovery.storageOther}</p>}
      <p>
        {t.recovery.databasePath}: <code data-testid="recovery-path">{problem.databasePath}</code>
      </p>
      <p className="notice-detail">{problem.message}</p>
      <p data-testid="recovery-backup">
        {problem.latestBackup ? t.recovery.latestBackup(formatDateTime(problem.latestBackup.createdAt, locale), problem.latestBackup.name, problem.latestBackup.kind === 'automatic') : t.recovery.noBackup}
      </p>
      {state.name === 'failed' && <ErrorNotice error={state.error} />}
      <div className="recovery-actions">
        {problem.restorable && (
          <button type="button" className="btn btn-primary" disabled={state.name === 'restoring'} onClick={() => void restore()} data-action="restore-backup">
            {state.name === 'restoring' ? t.recovery.restoring : t.recovery.restore}
          </button>
        )}
        {storage && (
          <button type="button" className="btn" onClick={reload} data-action="retry-start">
            {t.recovery.retry}
          </button>
        )}
      </div>
      {problem.restorable && <p className="hint">{t.recovery.restoreNote}</p>}
      {problem.restorable && (
        <p className="hint">
          {t.recovery.command} <code>{problem.restoreCommand}</code>
        </p>
      )}
    </section>
  );
}
