import { useState } from 'react';
import type { ApiResult } from '../../electron/shared/api-error';
import type { Draft } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/locale-context';
import type { Migration } from './VersionBanner';
import { Wizard } from './Wizard';

interface Props {
  draftId: string;
  onHome: () => void;
  onSigned: (archiveId: string) => void;
}

/** The draft and the exact template version it was started from (or moved to). */
async function loadDraft(draftId: string): Promise<ApiResult<{ draft: Draft; template: Template }>> {
  const draft = await call('drafts.get', { id: draftId });
  if (!draft.ok) return draft;
  const template = await call('templates.get', { id: draft.value.templateId, version: draft.value.templateVersion });
  if (!template.ok) return template;
  return { ok: true, value: { draft: draft.value, template: template.value } };
}

/** Loads a draft, then shows the wizard on it (or, for a signed draft, a way to its archive record). */
export function WizardScreen({ draftId, onHome, onSigned }: Props) {
  const { t } = useLocale();
  const [loaded, reload] = useApi(() => loadDraft(draftId), [draftId]);
  const [migration, setMigration] = useState<Migration | null>(null);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') {
    return (
      <div className="panel">
        <ErrorNotice error={loaded.error} onRetry={reload} />
        <button type="button" className="btn" onClick={onHome}>
          {t.backHome}
        </button>
      </div>
    );
  }
  const { draft, template } = loaded.value;
  if (draft.status === 'signed') {
    return (
      <div className="panel notice notice-info">
        <p>{t.wizard.signedAlready}</p>
        {draft.archiveId && (
          <button type="button" className="btn btn-primary" onClick={() => onSigned(draft.archiveId as string)}>
            {t.wizard.viewRecord}
          </button>
        )}
        <button type="button" className="btn" onClick={onHome}>
          {t.backHome}
        </button>
      </div>
    );
  }
  return (
    <Wizard
      // A move to another version starts a fresh wizard on the reloaded draft.
      key={draft.templateVersion}
      draft={draft}
      template={template}
      onHome={onHome}
      onSigned={onSigned}
      migration={migration}
      onMigrated={(m) => {
        setMigration(m);
        reload();
      }}
      onDismissMigration={() => setMigration(null)}
    />
  );
}
