import { createContext, useContext } from 'react';
import type { Locale } from './locale';
import type { Messages } from './zh';

export interface LocaleContextValue {
  locale: Locale;
  t: Messages;
  setLocale: (next: Locale) => void;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);

/** The UI language and its messages; a component that calls this re-renders when the language changes. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
