import { describe, expect, it } from 'vitest';
import { textNodeAt } from '../../../renderer/editor/clause-path';
import { setClauseNumber, setClauseText } from '../../../renderer/editor/edit-clause';
import { canMergeWithNext, mergeWithNext } from '../../../renderer/editor/merge-clauses';
import { splitClause } from '../../../renderer/editor/split-clause';
import { fieldIds, flatSample, sample } from './fixture';

const section = (index: number) => ({ section: index, clauses: [] });

describe('a section without sub-clauses is edited like a clause', () => {
  it('is seen as a clause with the section number and body text', () => {
    expect(textNodeAt(flatSample(), section(1))).toEqual({
      number: '2、',
      text: '价格比较。原价为促销前{{a}}天内的最低成交价格。',
      fields: ['a'],
      children: [],
    });
    expect(textNodeAt(sample(), section(0))).toBeUndefined();
  });

  it('merges with the next flat section when that one has no heading', () => {
    const t = flatSample();
    expect(canMergeWithNext(t, section(0))).toBe(true);
    expect(canMergeWithNext(t, section(2))).toBe(false);
    const merged = mergeWithNext(t, section(1));
    expect(merged.sections.map((s) => s.number)).toEqual(['1、', '2、']);
    expect(merged.sections[1]).toEqual({
      number: '2、',
      heading: '',
      text: '价格比较。原价为促销前{{a}}天内的最低成交价格。促销规则。提前{{b}}天公示规则。',
      fields: ['a', 'b'],
      clauses: [],
    });
    expect(fieldIds(merged)).toEqual(fieldIds(t));
  });

  it('does not merge into a section with sub-clauses, nor swallow a next section’s heading', () => {
    expect(canMergeWithNext(sample(), section(0))).toBe(false);
    const headed = flatSample();
    headed.sections[1] = { ...headed.sections[1]!, heading: '价格' };
    expect(canMergeWithNext(headed, section(0))).toBe(false);
    expect(mergeWithNext(headed, section(0))).toBe(headed);
  });

  it('splits into two sections, the second without a heading and numbered with a prime', () => {
    const split = splitClause(flatSample(), section(1), '价格比较。'.length)!;
    expect(split.sections.map((s) => `${s.number}|${s.heading}|${s.text}|${s.fields.join()}`)).toEqual([
      '1、|总则|明码标价。同一商品只标示一个价格。|',
      '2、||价格比较。|',
      '2、′||原价为促销前{{a}}天内的最低成交价格。|a',
      '3、||促销规则。提前{{b}}天公示规则。|b',
    ]);
    expect(splitClause(sample(), section(0), 2)).toBeNull();
  });

  it('takes a new number and wording', () => {
    let t = setClauseNumber(flatSample(), section(2), '三、');
    t = setClauseText(t, section(2), '促销规则：至少提前{{b}}天公示。')!;
    expect(t.sections[2]).toMatchObject({ number: '三、', text: '促销规则：至少提前{{b}}天公示。' });
    expect(setClauseText(t, section(2), '促销规则。')).toBeNull();
  });
});
