import { useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';

interface Props {
  onCreated: (draftId: string) => void;
  onImport: () => void;
  onEdit: (templateId: string) => void;
}

/**
 * The templates (newest version of each), each with "开始填写", which creates a draft and opens the wizard on
 * it, and a small "编辑"; the panel's "导入承诺书" leads to the import screen.
 */
export function TemplateList({ onCreated, onImport, onEdit }: Props) {
  const [templates, reload] = useApi(() => call('templates.list', {}), []);
  const [creating, setCreating] = useState<string | null>(null);
  const [createError, setCreateError] = useState<ApiError | null>(null);

  const start = async (templateId: string, version: string): Promise<void> => {
    setCreating(templateId);
    setCreateError(null);
    const res = await call('drafts.create', { templateId, version });
    setCreating(null);
    if (res.ok) onCreated(res.value.id);
    else setCreateError(res.error);
  };

  return (
    <section className="panel" aria-labelledby="templates-heading">
      <div className="panel-head">
        <h2 id="templates-heading">{t.home.templates}</h2>
        <button type="button" className="btn" onClick={onImport} data-action="import">
          {t.home.import}
        </button>
      </div>
      {templates.state === 'loading' && <Loading />}
      {templates.state === 'error' && <ErrorNotice error={templates.error} onRetry={reload} />}
      {createError && <ErrorNotice error={createError} />}
      {templates.state === 'ok' && templates.value.length === 0 && <p className="empty">{t.home.templatesEmpty}</p>}
      {templates.state === 'ok' && templates.value.length > 0 && (
        <ul className="template-list">
          {templates.value.map((tpl) => (
            <li key={`${tpl.id}@${tpl.version}`} className="template-card" data-template-id={tpl.id}>
              <div className="template-title">{tpl.title}</div>
              <div className="template-meta">{t.home.templateMeta(formatNumber(tpl.sectionCount), formatNumber(tpl.fieldCount))}</div>
              <div className="template-foot">
                <span className="template-version">{t.importer.version(tpl.version.slice(0, 8))}</span>
                <button
                  type="button"
                  className="btn btn-small btn-tool"
                  title={t.home.editTitle(tpl.title)}
                  onClick={() => onEdit(tpl.id)}
                >
                  {t.home.edit}
                </button>
              </div>
              <button
                type="button"
                className="btn btn-primary"
                disabled={creating !== null}
                onClick={() => void start(tpl.id, tpl.version)}
              >
                {creating === tpl.id ? t.home.starting : t.home.start}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
