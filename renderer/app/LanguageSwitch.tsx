import { useLocale } from '../i18n/locale-context';
import { LOCALES } from '../i18n/locale';

/** 中文 | English in the header; the choice is remembered on this machine. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useLocale();
  return (
    <div className="lang-switch" role="group" aria-label={t.lang.label}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className={`lang-option${l === locale ? ' lang-current' : ''}`}
          aria-pressed={l === locale}
          lang={l === 'en' ? 'en' : 'zh-CN'}
          onClick={() => setLocale(l)}
          data-locale={l}
        >
          {t.lang[l]}
        </button>
      ))}
    </div>
  );
}
