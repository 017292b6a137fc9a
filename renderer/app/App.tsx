import { useEffect, useState } from 'react';
import { call, onSessionExpired } from '../api/pledge';
import { useApi } from '../api/use-api';
import { ArchiveRecordView } from '../archive/ArchiveRecordView';
import { ArchiveScreen } from '../archive/ArchiveScreen';
import { BundleImportScreen } from '../archive/BundleImportScreen';
import { TemplateEditorScreen } from '../editor/TemplateEditorScreen';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/locale-context';
import { ImportScreen } from '../import/ImportScreen';
import { StampScreen } from '../stamp/StampScreen';
import { VerifyScreen } from '../verify/VerifyScreen';
import { WizardScreen } from '../wizard/WizardScreen';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { HomeScreen } from './HomeScreen';
import { OpenedFileDialog } from './OpenedFileDialog';
import { useOpenedFiles } from './use-opened-files';
import { RecoveryScreen } from './RecoveryScreen';
import { useScreen } from './screen';
import type { RecordOrigin, Screen } from './screen';

/** One error boundary (and one component state) per place: a new screen starts fresh. */
function screenKey(screen: Screen): string {
  switch (screen.name) {
    case 'wizard':
      return `w:${screen.draftId}`;
    case 'record':
      return `r:${screen.archiveId}`;
    case 'edit-template':
      return `e:${screen.templateId}`;
    // A file opened with the app remounts its screen, even the one on display, so that it takes the file.
    case 'stamp':
    case 'verify':
    case 'bundle-import':
      return `${screen.name}:${screen.opened ?? 0}`;
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
  // A host that could not use the database answers app.info with `recovery`: then only the recovery screen.
  const [info] = useApi(() => call('app.info', {}), []);
  const recovery = info.state === 'ok' ? info.value.recovery : undefined;
  const ready = info.state === 'ok' && !recovery;
  const [opened, dropOpened] = useOpenedFiles(ready, ready && info.value.mode === 'desktop');
  const openedFile = opened[0];
  const home = () => go({ name: 'home' });
  const record = (from: RecordOrigin) => (archiveId: string) => go({ name: 'record', archiveId, from });
  const key = screenKey(screen);
  const origin = screen.name === 'record' ? (screen.from ?? 'home') : 'home';
  const back = {
    home: { label: t.backHome, go: home },
    archive: { label: t.record.backToSearch, go: () => go({ name: 'archive' }) },
    verify: { label: t.record.backToVerify, go: () => go({ name: 'verify' }) },
  }[origin];

  // Nothing else asks the host anything before it said whether it runs normally: a recovery host that has
  // just opened the database on a retry must not leave the screens with the errors of a moment before.
  if (info.state === 'loading') {
    return (
      <div className="app">
        <main className="app-main">
          <Loading />
        </main>
      </div>
    );
  }
  if (recovery) {
    return (
      <div className="app">
        <main className="app-main">
          <RecoveryScreen problem={recovery} />
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <AppHeader current={screen.name} onHome={home} onArchive={() => go({ name: 'archive' })} onVerify={() => go({ name: 'verify' })} />
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
              onOpenRecord={record('home')}
              onImport={() => go({ name: 'import' })}
              onStamp={() => go({ name: 'stamp' })}
              onEditTemplate={(templateId) => go({ name: 'edit-template', templateId })}
              onSearchArchive={() => go({ name: 'archive' })}
              onVerify={() => go({ name: 'verify' })}
            />
          )}
          {screen.name === 'import' && <ImportScreen onHome={home} />}
          {screen.name === 'stamp' && <StampScreen onHome={home} onOpenRecord={record('home')} />}
          {screen.name === 'edit-template' && <TemplateEditorScreen templateId={screen.templateId} onHome={home} />}
          {screen.name === 'wizard' && (
            <WizardScreen
              draftId={screen.draftId}
              onHome={home}
              onSigned={(archiveId) => go({ name: 'record', archiveId })}
            />
          )}
          {screen.name === 'archive' && (
            <ArchiveScreen onOpenRecord={record('archive')} onHome={home} onImportBundle={() => go({ name: 'bundle-import' })} />
          )}
          {screen.name === 'bundle-import' && <BundleImportScreen onBack={() => go({ name: 'archive' })} onOpenRecord={record('archive')} />}
          {screen.name === 'verify' && <VerifyScreen onOpenRecord={record('verify')} onHome={home} />}
          {screen.name === 'record' && (
            <ArchiveRecordView archiveId={screen.archiveId} onBack={back.go} backLabel={back.label} onOpenRecord={record(origin)} />
          )}
        </ErrorBoundary>
      </main>
      {openedFile && (
        <OpenedFileDialog
          // One dialog per file: a second file opened meanwhile gets a fresh dialog.
          key={openedFile.kind === 'unsupported' ? `u:${openedFile.fileName}` : openedFile.blobId}
          file={openedFile}
          onClose={dropOpened}
          onGo={(target) => {
            dropOpened();
            go({ name: target === 'bundle' ? 'bundle-import' : target, opened: Date.now() });
          }}
        />
      )}
    </div>
  );
}
