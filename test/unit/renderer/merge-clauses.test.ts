import { describe, expect, it } from 'vitest';
import { clauseAt } from '../../../renderer/editor/clause-path';
import { canMergeWithNext, mergeWithNext } from '../../../renderer/editor/merge-clauses';
import { fieldIds, sample } from './fixture';

describe('mergeWithNext', () => {
  it('joins two leaf clauses with no separator and concatenates their fields', () => {
    const t = sample();
    const merged = mergeWithNext(t, { section: 0, clauses: [0, 0] });
    const parent = clauseAt(merged, { section: 0, clauses: [0] })!;
    expect(parent.children).toEqual([{ number: '1.1.1', text: '每日巡检{{b}}次。加密传输。', fields: ['b'], children: [] }]);
  });

  it('keeps the children of both in order and moves the second text before the first clause’s children', () => {
    const merged = mergeWithNext(sample(), { section: 0, clauses: [0] });
    const section = merged.sections[0]!;
    expect(section.clauses.map((c) => c.number)).toEqual(['1.1', '1.3']);
    const first = section.clauses[0]!;
    expect(first.text).toBe('系统安全{{a}}每季度抽检{{c}}%商品，\n并在{{d}}小时内处理。');
    expect(first.fields).toEqual(['a', 'c', 'd']);
    expect(first.children.map((c) => c.number)).toEqual(['1.1.1', '1.1.2']);
    // c and d now come before b (1.1.1) in the document: template.fields follows.
    expect(fieldIds(merged)).toEqual(['pre-1', 'a', 'c', 'd', 'b', 'e', 'f', 'g', 'sig', 'date']);
  });

  it('concatenates children of both clauses', () => {
    const merged = mergeWithNext(sample(), { section: 0, clauses: [1] });
    const clause = merged.sections[0]!.clauses[1]!;
    expect(clause.number).toBe('1.2');
    expect(clause.children.map((c) => c.number)).toEqual(['1.3.1']);
    expect(clause.fields).toEqual(['c', 'd', 'e']);
    expect(fieldIds(merged)).toEqual(['pre-1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'sig', 'date']);
  });

  it('does nothing for the last clause of a list, or a path that leads nowhere', () => {
    const t = sample();
    expect(canMergeWithNext(t, { section: 0, clauses: [2] })).toBe(false);
    expect(mergeWithNext(t, { section: 0, clauses: [2] })).toBe(t);
    expect(canMergeWithNext(t, { section: 1, clauses: [0] })).toBe(false);
    expect(mergeWithNext(t, { section: 5, clauses: [0] })).toBe(t);
    expect(mergeWithNext(t, { section: 0, clauses: [] })).toBe(t);
    expect(canMergeWithNext(t, { section: 0, clauses: [0, 0] })).toBe(true);
  });

  it('never changes its input', () => {
    const t = sample();
    const before = structuredClone(t);
    mergeWithNext(t, { section: 0, clauses: [0] });
    mergeWithNext(t, { section: 0, clauses: [0, 0] });
    expect(t).toEqual(before);
  });
});
