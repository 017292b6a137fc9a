import { describe, expect, it } from 'vitest';
import type { PreviewBlock, PreviewRun } from '../../../renderer/wizard/preview-model';
import { EMPTY_BLANK, previewBlocks } from '../../../renderer/wizard/preview-model';
import { sample } from './fixture';

const signer = { type: '企业' as const, name: '张伟', organisation: '青禾' };

/** A block as plain text: answers in [brackets], empty answers as [__], choices as ☑/☐. */
function plain(block: PreviewBlock): string {
  if (block.kind !== 'paragraph') return `${block.kind === 'heading' ? block.number : ''}${block.text}`;
  const run = (r: PreviewRun): string => {
    if (r.kind === 'text') return r.text;
    if (r.kind === 'value') return r.filled ? `[${r.text}]` : '[__]';
    return r.options.map((o) => `${o.checked ? '☑' : '☐'}${o.option}${o.other !== undefined ? `(${o.other})` : ''}`).join('');
  };
  return `${block.number ?? ''}${block.runs.map(run).join('')}`;
}

describe('previewBlocks', () => {
  it('lays out the whole pledge in order: title, preamble, sections with numbered clauses, closing', () => {
    const blocks = previewBlocks(sample(), { 'pre-1': '天猫', b: '2', c: '5', e: { option: '企业' } }, signer, '2026-11-28');
    expect(blocks.map((b) => [b.kind, plain(b)])).toEqual([
      ['title', '测试承诺书'],
      ['paragraph', '为规范[天猫]平台经营：'],
      ['heading', '一、总则'],
      ['paragraph', '1.1系统安全[__]'],
      ['paragraph', '1.1.1每日巡检[2]次。'],
      ['paragraph', '1.1.2加密传输。'],
      ['paragraph', '1.2每季度抽检[5]%商品，\n并在[__]小时内处理。'],
      ['paragraph', '1.3承诺方类型：☑企业☐个人☐其他'],
      ['paragraph', '1.3.1保存[__]年。'],
      ['heading', '二、附则'],
      ['paragraph', '本承诺自签订之日起生效，有效期[__]年。'],
      ['paragraph', '承诺人签名：[张伟]'],
      ['paragraph', '签订日期：[2026年11月28日]'],
    ]);
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.depth : -1))).toEqual([0, 1, 2, 2, 1, 1, 2, 0, 0, 0]);
  });

  it('underlines an empty blank with spaces and adds a unit the text does not already say', () => {
    const template = sample();
    template.sections[0]!.clauses[0]!.children[0]!.text = '每日巡检{{b}}。';
    const blocks = previewBlocks(template, {}, { type: '个人', name: '' }, '');
    const clause = blocks.find((b) => b.kind === 'paragraph' && b.number === '1.1.1');
    expect(clause?.kind === 'paragraph' && clause.runs).toEqual([
      { kind: 'text', text: '每日巡检' },
      { kind: 'value', fieldId: 'b', text: EMPTY_BLANK, filled: false },
      { kind: 'text', text: '次' },
      { kind: 'text', text: '。' },
    ]);
    // No signer name and no date yet: both are empty underlines.
    expect(blocks.slice(-2).map(plain)).toEqual(['承诺人签名：[__]', '签订日期：[__]']);
  });

  it('shows the free text of an "other" choice', () => {
    const blocks = previewBlocks(sample(), { e: { option: '其他', other: '合伙企业' } }, signer, '2026-11-28');
    const choice = blocks.map(plain).find((text) => text.startsWith('1.3承诺方类型'));
    expect(choice).toBe('1.3承诺方类型：☐企业☐个人☑其他(合伙企业)');
  });
});
