import { describe, expect, it } from 'vitest';
import { clauseIndex, clauseOfField } from '../../../electron/shared/clause-index';
import { ackCounts, ackWithdrawnBy, sameFieldValue, stepOfClause, withAck } from '../../../renderer/wizard/acks';
import { isStepDone, stepStatuses } from '../../../renderer/wizard/step-status';
import { sample } from './fixture';

const template = sample();
const clauseOf = clauseOfField(template);

describe('ackWithdrawnBy', () => {
  const acks = { '1.2': '2026-11-28T02:00:00.000Z' };

  it('withdraws the confirmation of the clause whose answer really changed', () => {
    expect(ackWithdrawnBy(clauseOf, acks, { c: '5' }, 'c', '6')).toBe('1.2');
    expect(ackWithdrawnBy(clauseOf, acks, {}, 'd', '24')).toBe('1.2');
  });

  it('keeps it when the answer is the same, the clause is not confirmed, or the field is outside the clauses', () => {
    expect(ackWithdrawnBy(clauseOf, acks, { c: '5' }, 'c', '5')).toBeNull();
    expect(ackWithdrawnBy(clauseOf, acks, { b: '1' }, 'b', '2')).toBeNull();
    expect(ackWithdrawnBy(clauseOf, { ...acks, '1.1.1': 'x' }, { 'pre-1': 'a' }, 'pre-1', 'b')).toBeNull();
  });

  it('compares choices by their content', () => {
    const confirmed = { '1.3.1': 'x' };
    // Field `e` sits in clause 1.3, which has children: it belongs to no leaf, so nothing is withdrawn.
    expect(ackWithdrawnBy(clauseOf, confirmed, { e: { option: '企业' } }, 'e', { option: '个人' })).toBeNull();
    expect(sameFieldValue({ option: '其他', other: 'a' }, { option: '其他', other: 'a' })).toBe(true);
    expect(sameFieldValue({ option: '其他', other: 'a' }, { option: '其他', other: 'b' })).toBe(false);
    expect(sameFieldValue(undefined, '')).toBe(true);
  });
});

describe('withAck', () => {
  it('records a confirmation once, keeping the first time, and withdraws it', () => {
    const once = withAck({}, '1.2', true, 'T1');
    expect(once).toEqual({ '1.2': 'T1' });
    expect(withAck(once, '1.2', true, 'T2')).toEqual({ '1.2': 'T1' });
    expect(withAck(once, '1.2', false, 'T3')).toEqual({});
  });

  it('does not change the acks it was given', () => {
    const before = { '2': 'T' };
    withAck(before, '2', false, '');
    expect(before).toEqual({ '2': 'T' });
  });
});

describe('ackCounts and step statuses', () => {
  const clauses = clauseIndex(template);

  it('counts confirmed leaf clauses per section step and in total', () => {
    const counts = ackCounts(clauses, { '1.1.1': 'x', '2': 'y', '9.9': 'stale' });
    expect(counts.total).toBe(5);
    expect(counts.confirmed).toBe(2);
    expect(counts.byStep).toEqual({ 'section-1': { confirmed: 1, total: 4 }, 'section-2': { confirmed: 1, total: 1 } });
    expect(stepOfClause({ sectionIndex: 0 })).toBe('section-1');
  });

  it('marks a step done only when its blanks are filled and its clauses confirmed', () => {
    const acks = { '2': 'y' };
    const statuses = stepStatuses(template, { g: '1' }, ['intro', 'section-1', 'section-2', 'review', 'sign'], ackCounts(clauses, acks).byStep);
    expect(statuses['section-2']).toEqual({ filled: 1, total: 1, confirmed: 1, clauses: 1 });
    expect(isStepDone(statuses['section-2'])).toBe(true);
    expect(isStepDone(statuses['section-1'])).toBe(false);
    expect(statuses['review']).toBeUndefined();
    expect(isStepDone(undefined)).toBe(false);
    expect(isStepDone({ filled: 0, total: 0, confirmed: 0, clauses: 0 })).toBe(false);
    expect(isStepDone({ filled: 2, total: 2, confirmed: 0, clauses: 1 })).toBe(false);
  });
});
