import { describe, expect, it } from 'vitest';
import { fieldAsText, templateAsPlainText, textWithBlanks } from '../../../renderer/editor/plain-text';
import { templateCounts } from '../../../renderer/editor/template-counts';
import { flatSample, sample } from './fixture';

describe('templateAsPlainText', () => {
  it('writes the template back as a document, one paragraph per line, blanks as lines and choices as boxes', () => {
    expect(templateAsPlainText(sample()).split('\n')).toEqual([
      '测试承诺书',
      '为规范__________平台经营：',
      '一、总则',
      '1.1系统安全__________',
      '1.1.1每日巡检__________次。',
      '1.1.2加密传输。',
      '1.2每季度抽检__________%商品，',
      '并在__________小时内处理。',
      '1.3承诺方类型：□企业□个人□其他__________',
      '1.3.1保存__________年。',
      '二、附则',
      '本承诺自签订之日起生效，有效期__________年。',
      '承诺人签名：__________',
      '签订日期：__________',
    ]);
  });

  it('ticks a pre-selected option and keeps an unknown placeholder as a blank', () => {
    expect(fieldAsText({ id: 'x', kind: 'choice', label: '', options: ['是', '否'], preselected: '否', required: true })).toBe('□是■否');
    expect(textWithBlanks('甲{{nope}}乙', new Map())).toBe('甲__________乙');
  });
});

describe('templateCounts', () => {
  it('counts sections and fields by kind', () => {
    expect(templateCounts(sample())).toEqual({ sections: 2, blanks: 7, choices: 1, signatures: 1, dates: 1 });
  });
});

describe('templateAsPlainText for a "1、…" pledge', () => {
  it('writes a section without a heading as one numbered paragraph', () => {
    expect(templateAsPlainText(flatSample()).split('\n')).toEqual([
      '明码标价承诺书',
      '在__________平台承诺：',
      '1、总则',
      '明码标价。同一商品只标示一个价格。',
      '2、价格比较。原价为促销前__________天内的最低成交价格。',
      '3、促销规则。提前__________天公示规则。',
      '承诺人签名：__________',
    ]);
  });
});
