import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from './locale';
import { intlTag, storeLocale } from './locale';
import { LocaleContext } from './locale-context';
import { applyLocale, locale as initialLocale, messagesFor } from './t';

/** Holds the UI language: switching updates `t`, remembers the choice and re-renders the consumers. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    storeLocale(next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = intlTag(locale);
  }, [locale]);
  const value = useMemo(() => ({ locale, t: messagesFor(locale), setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}
