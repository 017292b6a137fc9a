import { describe, expect, it } from 'vitest';
import { clauseAt } from '../../../renderer/editor/clause-path';
import { primeNumber, snapCaret, splitClause, splitText } from '../../../renderer/editor/split-clause';
import { fieldIds, sample } from './fixture';

describe('snapCaret and splitText', () => {
  const text = '在{{c1}}小时内处理';

  it('moves a caret inside a placeholder to its end, and clamps it to the text', () => {
    expect(snapCaret(text, 3)).toBe(7);
    expect(snapCaret(text, 1)).toBe(1);
    expect(snapCaret(text, 7)).toBe(7);
    expect(snapCaret(text, -4)).toBe(0);
    expect(snapCaret(text, 99)).toBe(text.length);
  });

  it('cuts at the caret and drops only the whitespace at the cut', () => {
    expect(splitText('服务内容保障\n承诺方承诺{{x}}。', 6)).toEqual(['服务内容保障', '承诺方承诺{{x}}。']);
    expect(splitText('甲乙 丙丁', 3)).toEqual(['甲乙', '丙丁']);
    expect(splitText(text, 4)).toEqual(['在{{c1}}', '小时内处理']);
  });

  it('refuses a cut that leaves an empty part', () => {
    expect(splitText(text, 0)).toBeNull();
    expect(splitText(text, text.length)).toBeNull();
    expect(splitText('甲乙\n', 2)).toBeNull();
  });

  it('marks the second number with a prime', () => {
    expect(primeNumber('3.1')).toBe('3.1′');
  });
});

describe('splitClause', () => {
  const path = { section: 0, clauses: [1] };
  const caret = '每季度抽检{{c}}%商品，'.length;

  it('makes two clauses; fields follow the part that holds their placeholders', () => {
    const split = splitClause(sample(), path, caret)!;
    const clauses = split.sections[0]!.clauses;
    expect(clauses.map((c) => c.number)).toEqual(['1.1', '1.2', '1.2′', '1.3']);
    expect(clauses[1]).toEqual({ number: '1.2', text: '每季度抽检{{c}}%商品，', fields: ['c'], children: [] });
    expect(clauses[2]).toEqual({ number: '1.2′', text: '并在{{d}}小时内处理。', fields: ['d'], children: [] });
    expect(fieldIds(split)).toEqual(fieldIds(sample()));
  });

  it('uses the number the user typed for the second clause', () => {
    const split = splitClause(sample(), path, caret, ' 1.2a ')!;
    expect(split.sections[0]!.clauses[2]!.number).toBe('1.2a');
    expect(splitClause(sample(), path, caret, '  ')!.sections[0]!.clauses[2]!.number).toBe('1.2′');
  });

  it('gives the children to the second clause, so document order is unchanged', () => {
    const t = sample();
    const split = splitClause(t, { section: 0, clauses: [0] }, '系统安全'.length)!;
    const [first, second] = split.sections[0]!.clauses;
    expect(first).toEqual({ number: '1.1', text: '系统安全', fields: [], children: [] });
    expect(second!.text).toBe('{{a}}');
    expect(second!.children.map((c) => c.number)).toEqual(['1.1.1', '1.1.2']);
    expect(fieldIds(split)).toEqual(fieldIds(t));
  });

  it('splits nested clauses in place', () => {
    const split = splitClause(sample(), { section: 0, clauses: [0, 0] }, '每日巡检'.length)!;
    const parent = clauseAt(split, { section: 0, clauses: [0] })!;
    expect(parent.children.map((c) => `${c.number}|${c.text}`)).toEqual(['1.1.1|每日巡检', '1.1.1′|{{b}}次。', '1.1.2|加密传输。']);
  });

  it('returns null at either end of the text or for a path that leads nowhere', () => {
    expect(splitClause(sample(), path, 0)).toBeNull();
    expect(splitClause(sample(), { section: 0, clauses: [9] }, 2)).toBeNull();
    expect(splitClause(sample(), { section: 1, clauses: [0] }, 2)).toBeNull();
  });

  it('never changes its input', () => {
    const t = sample();
    const before = structuredClone(t);
    splitClause(t, path, caret);
    expect(t).toEqual(before);
  });
});
