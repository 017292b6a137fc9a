import { CoreError } from '../../errors';
import { formatDateZh } from '../format-date-zh';
import type { DateFormat } from './stamp-options';

/**
 * Checks a YYYY-MM-DD calendar date and writes it as the pledge does: `zh` → 2026年11月28日 (no leading
 * zeros, GB/T 9704), `iso` → 2026-11-28.
 *
 * @throws CoreError VALIDATION (field `date`) for anything that is not a real date.
 */
export function formatStampDate(date: string, format: DateFormat = 'zh'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (!match || y < 1 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new CoreError('VALIDATION', `not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`, 'date');
  }
  return format === 'iso' ? date : formatDateZh(date);
}
