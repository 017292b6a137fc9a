import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../../electron/core/errors';
import { formatStampDate } from '../../../../../electron/core/pdf/stamp/format-stamp-date';

describe('formatStampDate', () => {
  it('writes the Chinese form without leading zeros, or ISO', () => {
    expect(formatStampDate('2026-11-28')).toBe('2026年11月28日');
    expect(formatStampDate('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatStampDate('2026-01-05', 'iso')).toBe('2026-01-05');
    expect(formatStampDate('2024-02-29')).toBe('2024年2月29日');
  });

  it('refuses what is not a calendar date, naming the field', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-11-31', '26-11-28', '2026/11/28', '', '0000-01-01']) {
      expect(() => formatStampDate(bad), bad).toThrow(CoreError);
      try {
        formatStampDate(bad);
      } catch (error) {
        expect((error as CoreError).field).toBe('date');
      }
    }
  });
});
