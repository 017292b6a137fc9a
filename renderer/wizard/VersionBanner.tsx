import { useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ClauseChange, Draft } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { call } from '../api/pledge';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { ClauseChangeList } from './ClauseChangeList';
import { droppedAnswers } from './version-changes';

/** What the wizard shows after a move to the new version. */
export interface Migration {
  version: string;
  changes: ClauseChange[];
  dropped: Array<{ fieldId: string; label: string; value: string }>;
}

interface Props {
  draft: Pick<Draft, 'id' | 'templateId' | 'templateVersion' | 'newerVersion'>;
  template: Template;
  /** The answers as the screen shows them (the lost ones are listed by these). */
  values: FieldValues;
  /** Saves what is pending first, so the move starts from what the screen shows. */
  flush: () => Promise<boolean>;
  onMigrated: (migration: Migration) => void;
}

/** "此模板有新版本": the clause changes on request, and "迁移到新版本". */
export function VersionBanner({ draft, template, values, flush, onMigrated }: Props) {
  const { t } = useLocale();
  const [changes, setChanges] = useState<ClauseChange[] | 'loading' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const newer = draft.newerVersion;
  if (!newer) return null;

  const toggleChanges = async (): Promise<void> => {
    if (changes !== null) {
      setChanges(null);
      return;
    }
    setChanges('loading');
    const res = await call('templates.diff', { id: draft.templateId, from: draft.templateVersion, to: newer });
    if (res.ok) setChanges(res.value.changes);
    else {
      setChanges(null);
      setError(res.error);
    }
  };

  const migrate = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    if (!(await flush())) {
      setBusy(false);
      setError({ code: 'STORAGE_UNAVAILABLE', message: 'pending changes could not be saved' });
      return;
    }
    const res = await call('drafts.upgrade', { id: draft.id });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    onMigrated({
      version: res.value.templateVersion,
      changes: res.value.changes,
      dropped: droppedAnswers(template, values, res.value.droppedFields),
    });
  };

  return (
    <div className="version-banner" role="region" aria-label={t.version.banner} data-testid="version-banner">
      <div className="version-banner-head">
        <p>
          <strong>{t.version.banner}</strong>
          <span className="version-hint">{t.version.bannerHint}</span>
        </p>
        <div className="version-actions">
          <button type="button" className="btn btn-small" aria-expanded={Array.isArray(changes)} onClick={() => void toggleChanges()} data-action="view-changes">
            {changes === null ? t.version.viewChanges : changes === 'loading' ? t.version.loadingChanges : t.version.hideChanges}
          </button>
          <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void migrate()} data-action="migrate">
            {busy ? t.version.migrating : t.version.migrate}
          </button>
        </div>
      </div>
      {Array.isArray(changes) && <ClauseChangeList changes={changes} />}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

/** After the move: which version, which clauses changed, which answers had to go. */
export function MigrationNotice({ migration, onClose }: { migration: Migration; onClose: () => void }) {
  const { t } = useLocale();
  return (
    <div className="version-banner version-done" role="status" data-testid="migration-notice">
      <div className="version-banner-head">
        <p>
          <strong>{t.version.migrated(migration.version.slice(0, 8))}</strong>
        </p>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {migration.dropped.length > 0 && (
        <div className="dropped" data-testid="dropped-answers">
          <p>{t.version.dropped}</p>
          <ul>
            {migration.dropped.map((d) => (
              <li key={d.fieldId}>
                {d.label}：<span className="dropped-value">{d.value}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ClauseChangeList changes={migration.changes} />
    </div>
  );
}
