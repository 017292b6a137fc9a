import { intlTag } from '../i18n/locale';
import type { Locale } from '../i18n/locale';
import { locale as currentLocale } from '../i18n/t';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM:SS` in local time (24-hour in both languages), from an ISO 8601 instant. */
export function formatClock(iso: string, locale: Locale = currentLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
}

/** Date and time to the minute in local time, as the language writes it, from an ISO 8601 instant. */
export function formatDateTime(iso: string, locale: Locale = currentLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** Date and time to the second, for confirmation times. */
export function formatInstant(iso: string, locale: Locale = currentLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** A count or measure as the language writes numbers (grouping, decimal mark). */
export function formatNumber(n: number, locale: Locale = currentLocale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits }).format(n);
}

/** An amount in yuan with two decimals and the currency sign of the language (¥ / CN¥). */
export function formatMoney(n: number, locale: Locale = currentLocale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(n);
}

/** Today's local calendar date as `YYYY-MM-DD` (not UTC: a pledge signed at 07:00 in Beijing is dated today). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `2026年11月28日` from `2026-11-28`, as the date is written on the pledge (always Chinese). */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}
