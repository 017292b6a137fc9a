import { en } from './en';
import type { Locale } from './locale';
import { readStoredLocale } from './locale';
import { zh } from './zh';
import type { Messages } from './zh';

/**
 * The active message table and its locale. Both are live bindings: `applyLocale` reassigns them, and every
 * reader (components while rendering, pure helpers when called) sees the new table. Components re-render on a
 * switch through `LocaleProvider` (see `useLocale`).
 */
export let t: Messages = zh;
export let locale: Locale = 'zh';

export function messagesFor(next: Locale): Messages {
  return next === 'en' ? en : zh;
}

/** Switches the tables; callers that render go through `useLocale().setLocale`, which also re-renders. */
export function applyLocale(next: Locale): void {
  locale = next;
  t = messagesFor(next);
}

applyLocale(readStoredLocale());
