import { formatDateZh } from './format-date-zh';

/** How the signing date is printed: `zh` "2026年11月28日" (GB/T 9704's form), `iso` "2026-11-28". */
export type DateFormat = 'zh' | 'iso';

/** A YYYY-MM-DD date in the chosen format. */
export function formatDate(isoDate: string, format: DateFormat = 'zh'): string {
  return format === 'iso' ? isoDate : formatDateZh(isoDate);
}
