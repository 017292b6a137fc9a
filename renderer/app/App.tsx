import { useEffect, useState } from 'react';
import { onSessionExpired } from '../api/pledge';
import { ArchiveRecordView } from '../archive/ArchiveRecordView';
import { t } from '../i18n/t';
import { WizardScreen } from '../wizard/WizardScreen';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { HomeScreen } from './HomeScreen';
import { useScreen } from './screen';

/** The app shell: header, session banner and the current screen. */
export function App() {
  const [screen, go] = useScreen();
  const [expired, setExpired] = useState(false);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  const home = () => go({ name: 'home' });
  const key = screen.name === 'wizard' ? `w:${screen.draftId}` : screen.name === 'record' ? `r:${screen.archiveId}` : 'home';

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
            />
          )}
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
