import { t } from '../i18n/t';

/** The top bar: app name (a way home) and tagline. */
export function AppHeader({ onHome }: { onHome: () => void }) {
  return (
    <header className="app-header">
      <button type="button" className="app-brand" onClick={onHome} title={t.backHome}>
        <span className="app-name">{t.appName}</span>
        <span className="app-tagline">{t.appTagline}</span>
      </button>
    </header>
  );
}
