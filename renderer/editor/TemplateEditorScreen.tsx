import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';
import { templateAsPlainText } from './plain-text';
import { TemplateEditor } from './TemplateEditor';

/** The editor on a stored template (its newest version); the left pane shows that version as plain text. */
export function TemplateEditorScreen({ templateId, onHome }: { templateId: string; onHome: () => void }) {
  const [loaded, reload] = useApi(() => call('templates.get', { id: templateId }), [templateId]);
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
  const template = loaded.value;
  return (
    <TemplateEditor
      key={`${template.id}@${template.version}`}
      initial={template}
      sourceText={templateAsPlainText(template)}
      sourceHint={t.editor.templateSourceHint}
      backLabel={t.backHome}
      onBack={onHome}
    />
  );
}
