/** The UI languages. The pledge text itself (template content) is always Chinese. */
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** Where the choice is kept between sessions (per machine, like any UI preference). */
export const LOCALE_STORAGE_KEY = 'pledge-desk:locale';

/** A stored or requested value as a locale: anything but `en` means the default, Simplified Chinese. */
export function parseLocale(value: unknown): Locale {
  return value === 'en' ? 'en' : 'zh';
}

/** The BCP 47 tag for Intl formatting and `<html lang>`. */
export function intlTag(locale: Locale): 'zh-CN' | 'en-US' {
  return locale === 'en' ? 'en-US' : 'zh-CN';
}

/** The stored choice; Chinese when nothing (or something unreadable) is stored, or storage is unavailable. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  try {
    return parseLocale(storage?.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return 'zh';
  }
}

/** Remembers the choice; a disabled storage only means it is forgotten on reload. */
export function storeLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled or full; the language still switches for this session.
  }
}
