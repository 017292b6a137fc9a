import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../electron/shared/api-error';
import { formatClock, formatDateTime, formatMoney, formatNumber } from '../../../renderer/app/format';
import { en } from '../../../renderer/i18n/en';
import { intlTag, LOCALE_STORAGE_KEY, parseLocale, readStoredLocale, storeLocale } from '../../../renderer/i18n/locale';
import { applyLocale, locale, messagesFor, t } from '../../../renderer/i18n/t';
import { zh } from '../../../renderer/i18n/zh';

/** Every key path of a message table with the kind of its value (functions by their arity). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}:fn/${value.length}`];
  if (typeof value !== 'object' || value === null) return [`${path}:${typeof value}`];
  return Object.keys(value)
    .sort()
    .flatMap((key) => shape((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

describe('message tables', () => {
  it('English has exactly the shape of Chinese (keys, nesting, function arities)', () => {
    expect(shape(en)).toEqual(shape(zh));
  });

  it('English strings are English: no Han characters outside names of the pledge itself', () => {
    const allowed = /承诺书|承诺人签名|签订日期|中文|壹|贰/u;
    const han = shape(en)
      .map((entry) => entry.split(':')[0] as string)
      .filter((path) => {
        const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], en);
        return typeof value === 'string' && /[\u4e00-\u9fff]/u.test(value) && !allowed.test(value);
      });
    expect(han).toEqual([]);
  });

  it('every error code has a text in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zh.error(code)).toMatch(/[\u4e00-\u9fff]/u);
      expect(en.error(code)).toMatch(/^[A-Z]/);
    }
  });

  it('says the check-digit problems as the issue asks', () => {
    expect(zh.problem('bad-check-digit', 'idCard')).toBe('身份证号校验位不正确');
    expect(zh.problem('bad-check-digit', 'creditCode')).toBe('统一社会信用代码校验位不正确');
    expect(zh.review.clauseLabel('3.1')).toBe('第 3.1 条');
    expect(zh.review.clauseLabel('第一条')).toBe('第一条');
  });
});

describe('locale', () => {
  it('defaults to Chinese and only switches for a stored "en"', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('fr')).toBe('zh');
    expect(parseLocale(null)).toBe('zh');
    expect(intlTag('zh')).toBe('zh-CN');
    expect(intlTag('en')).toBe('en-US');
  });

  it('reads and writes the stored choice, surviving a storage that throws', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readStoredLocale(storage)).toBe('zh');
    storeLocale('en', storage);
    expect(store.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(readStoredLocale(storage)).toBe('en');
    const broken = {
      getItem: (): string => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(broken)).toBe('zh');
    expect(() => storeLocale('en', broken)).not.toThrow();
    expect(readStoredLocale(undefined)).toBe('zh');
  });

  it('switches the live table', () => {
    expect(locale).toBe('zh');
    applyLocale('en');
    expect(t.wizard.next).toBe('Next');
    applyLocale('zh');
    expect(t.wizard.next).toBe('下一步');
    expect(messagesFor('en')).toBe(en);
  });
});

describe('formatting per language', () => {
  const instant = '2026-11-28T02:42:13.000Z';

  it('writes clock times as HH:MM:SS (24-hour) in both languages', () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const expected = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: tz }).format(new Date(instant));
    expect(formatClock(instant, 'zh')).toBe(expected);
    expect(formatClock(instant, 'en')).toBe(expected);
    expect(formatClock('not a date', 'zh')).toBe('not a date');
  });

  it('writes dates the way each language does', () => {
    expect(formatDateTime(instant, 'zh')).toMatch(/^2026\/11\/28 \d{2}:\d{2}$/);
    expect(formatDateTime(instant, 'en')).toMatch(/^11\/28\/2026, \d{2}:\d{2}$/);
  });

  it('groups numbers and writes amounts in yuan', () => {
    expect(formatNumber(1234567.5, 'zh')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatMoney(1000.5, 'zh')).toBe('¥1,000.50');
    expect(formatMoney(1000.5, 'en')).toBe('CN¥1,000.50');
  });
});
