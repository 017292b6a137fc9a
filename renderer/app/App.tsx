import { useEffect, useState } from 'react';
import { onSessionExpired } from '../api/pledge';
import { ArchiveRecordView } from '../archive/ArchiveRecordView';
import { TemplateEditorScreen } from '../editor/TemplateEditorScreen';
import { useLocale } from '../i18n/locale-context';
import { ImportScreen } from '../import/ImportScreen';
import { WizardScreen } from '../wizard/WizardScreen';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { HomeScreen } from './HomeScreen';
import { useScreen } from './screen';
import type { Screen } from './screen';

/** One error boundary (and one component state) per place: a new screen starts fresh. */
function screenKey(screen: Screen): string {
  switch (screen.name) {
    case 'wizard':
      return `w:${screen.draftId}`;
    case 'record':
      return `r:${screen.archiveId}`;
    case 'edit-template':
      return `e:${screen.templateId}`;
    default:
      return screen.name;
  }
}

/** The app shell: header, session banner and the current screen. */
export function App() {
  // Reading the locale here re-renders the whole app (and every `t` lookup) when the language changes.
  const { t } = useLocale();
  const [screen, go] = useScreen();
  const [expired, setExpired] = useState(false);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  const home = () => go({ name: 'home' });
  const key = screenKey(screen);

  return (
    <div className="app">
      <AppHeader onHome={home} />
      {expired && (
        <div className="session-banner" role="alert">
          {t.sessionExpired}
        </div>
      )}
      <main className="app-main">
        <ErrorBoundary key={key} onHome={home}>
          {screen.name === 'home' && (
            <HomeScreen
              onOpenDraft={(draftId) => go({ name: 'wizard', draftId })}
              onOpenRecord={(archiveId) => go({ name: 'record', archiveId })}
              onImport={() => go({ name: 'import' })}
              onEditTemplate={(templateId) => go({ name: 'edit-template', templateId })}
            />
          )}
          {screen.name === 'import' && <ImportScreen onHome={home} />}
          {screen.name === 'edit-template' && <TemplateEditorScreen templateId={screen.templateId} onHome={home} />}
          {screen.name === 'wizard' && (
            <WizardScreen
              draftId={screen.draftId}
              onHome={home}
              onSigned={(archiveId) => go({ name: 'record', archiveId })}
            />
          )}
          {screen.name === 'record' && <ArchiveRecordView archiveId={screen.archiveId} onHome={home} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
