import { useLocale } from '../i18n/locale-context';
import { LanguageSwitch } from './LanguageSwitch';
import type { Screen } from './screen';

interface Props {
  current: Screen['name'];
  onHome: () => void;
  onArchive: () => void;
  onVerify: () => void;
}

/** The top bar: app name (a way home), tagline, 档案检索 and 核验, and the language switch. */
export function AppHeader({ current, onHome, onArchive, onVerify }: Props) {
  const { t } = useLocale();
  const tab = (name: 'archive' | 'verify', label: string, onClick: () => void) => (
    <button type="button" className={`nav-item${current === name ? ' nav-current' : ''}`} aria-current={current === name ? 'page' : undefined} onClick={onClick} data-nav={name}>
      {label}
    </button>
  );
  return (
    <header className="app-header">
      <button type="button" className="app-brand" onClick={onHome} title={t.backHome}>
        <span className="app-name">{t.appName}</span>
        <span className="app-tagline">{t.appTagline}</span>
      </button>
      <nav className="app-nav" aria-label={t.nav.label}>
        {tab('archive', t.nav.archive, onArchive)}
        {tab('verify', t.nav.verify, onVerify)}
      </nav>
      <LanguageSwitch />
    </header>
  );
}
