import { useLocale } from '../i18n/locale-context';
import { LanguageSwitch } from './LanguageSwitch';

/** The top bar: app name (a way home), tagline, and the language switch. */
export function AppHeader({ onHome }: { onHome: () => void }) {
  const { t } = useLocale();
  return (
    <header className="app-header">
      <button type="button" className="app-brand" onClick={onHome} title={t.backHome}>
        <span className="app-name">{t.appName}</span>
        <span className="app-tagline">{t.appTagline}</span>
      </button>
      <LanguageSwitch />
    </header>
  );
}
