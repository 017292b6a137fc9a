import { describe, expect, it } from 'vitest';
import { locateInSource } from '../../../renderer/editor/locate-in-source';

const SOURCE = [
  '- 1、原创力文档(book118)网站文档一经付费(服务费),不意味着购买了该文档的版权',
  '三、重点执行方案',
  '3.1.1每日开展__________次服务器安全巡检,及时发觉并修复潜在漏洞。',
  '3.1.2实施全平台数据加密传输机制,防止用户信息泄露。',
].join('\n');

const marked = (source: string, text: string): string | null => {
  const range = locateInSource(source, text);
  return range ? source.slice(range.start, range.end) : null;
};

describe('locateInSource', () => {
  it('finds a clause by its wording, full-width punctuation matching ASCII, and marks its source line', () => {
    expect(marked(SOURCE, '每日开展{{c3.1.1-1}}次服务器安全巡检，及时发觉并修复潜在漏洞。')).toBe(
      '3.1.1每日开展__________次服务器安全巡检,及时发觉并修复潜在漏洞。',
    );
    expect(marked(SOURCE, '实施全平台数据加密传输机制，防止用户信息泄露。')).toBe('3.1.2实施全平台数据加密传输机制,防止用户信息泄露。');
  });

  it('marks no more than the clause could reach in a one-line paste', () => {
    const oneLine = `${'前文'.repeat(100)}1.1在店铺首页公示资质信息。1.2如实描述商品。${'后文'.repeat(100)}`;
    const text = marked(oneLine, '在店铺首页公示资质信息。')!;
    expect(text).toContain('在店铺首页公示资质信息。');
    expect(text.length).toBeLessThan(80);
  });

  it('returns null when the wording is not in the source, or the text has no wording', () => {
    expect(locateInSource(SOURCE, '完全不同的文字内容')).toBeNull();
    expect(locateInSource(SOURCE, '{{x}}')).toBeNull();
    expect(locateInSource('', '每日开展')).toBeNull();
  });

  it('keeps offsets right after characters outside the BMP', () => {
    const source = '𠀀𠀀甲乙丙丁戊';
    const range = locateInSource(source, '丙丁戊')!;
    expect(source.slice(range.start, range.end)).toContain('丙丁戊');
  });
});
