import { describe, expect, it } from 'vitest';
import { filledSearchText, shortGrams, templateSearchBody, textValues } from '../../../../electron/core/archive/search-text';
import { template, valuesFor } from './archive-fixture';

const t = template('ecommerce-service');

describe('templateSearchBody', () => {
  const body = templateSearchBody(t);

  it('holds the title, headings and clause text once, blanks as □ and choices as their options', () => {
    expect(body).toContain(t.title);
    expect(body).toContain('每年开展不少于□次数据安全检查');
    for (const option of t.fields.find((f) => f.kind === 'choice')?.options ?? []) expect(body).toContain(option);
    expect(body).not.toMatch(/\{\{/);
  });
});

describe('filledSearchText', () => {
  it('gives each value with three characters of clause text on each side', () => {
    const text = filledSearchText(t, valuesFor(t, '2026-11-28', { 'c4.1-1': '7', 'pre-2': '拼多多' }));
    expect(text.split('\n')).toContain('不少于7次数据');
    expect(text).toContain('拼多多');
    expect(text).toContain('2026年11月28日');
  });

  it('without the template gives the bare values', () => {
    expect(filledSearchText(null, { a: '淘宝', b: { option: '其他', other: '个体户' } })).toBe('淘宝\n其他个体户');
  });
});

describe('shortGrams and textValues', () => {
  it('gives every 1- and 2-character gram of letters and digits, lower-cased, once', () => {
    expect(shortGrams(['张伟', '杭州 A1', '张伟'])).toBe('张 张伟 伟 杭 杭州 州 a a1 1');
    expect(shortGrams(['ＡＢ'])).toBe('a ab b');
  });

  it('keeps text values and leaves out numbers and dates', () => {
    expect(textValues({ a: '5', b: '淘宝', c: '2026-11-28', d: { option: '企业' }, e: '1000.50' })).toEqual(['淘宝', '企业']);
  });
});
