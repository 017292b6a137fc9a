import { describe, expect, it } from 'vitest';
import type { ClauseChange, DraftSummary } from '../../../electron/shared/dto';
import { parseDraftSort, sortDrafts } from '../../../renderer/drafts/sort-drafts';
import { mergePatches } from '../../../renderer/wizard/draft-patch';
import { changeLabel, displayValue, droppedAnswers, readableClauseText } from '../../../renderer/wizard/version-changes';
import { sample } from './fixture';

const summary = (id: string, status: 'open' | 'signed'): DraftSummary => ({
  id,
  templateId: 't',
  templateVersion: 'v',
  title: id,
  step: 'intro',
  status,
  archiveId: null,
  createdAt: '',
  updatedAt: '',
  signerName: null,
  organisation: null,
  filled: 0,
  fieldCount: 1,
});

describe('drafts list order', () => {
  it('puts open drafts first and otherwise keeps the host’s order (by change, creation or title)', () => {
    const list = [summary('a', 'signed'), summary('b', 'open'), summary('c', 'signed'), summary('d', 'open')];
    expect(sortDrafts(list).map((d) => d.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('reads a sort choice, falling back to the last change', () => {
    expect(parseDraftSort('title')).toBe('title');
    expect(parseDraftSort('created')).toBe('created');
    expect(parseDraftSort('nonsense')).toBe('updated');
  });
});

describe('mergePatches (the saver’s pending change)', () => {
  it('lets the newer change win value by value and clause by clause', () => {
    const merged = mergePatches({ values: { a: '1', b: '2' }, acks: { '1.1': true, '1.2': true }, step: 'section-1' }, { values: { a: '3' }, acks: { '1.1': false } });
    expect(merged).toEqual({ values: { a: '3', b: '2' }, acks: { '1.1': false, '1.2': true }, step: 'section-1' });
  });

  it('keeps the signer and step of the older patch when the newer has none, and leaves out what neither has', () => {
    const signer = { type: '个人' as const, name: '王芳' };
    expect(mergePatches({ signer }, { step: 'review' })).toEqual({ signer, step: 'review' });
    expect(mergePatches({}, {})).toEqual({});
  });
});

describe('version changes', () => {
  const changes: ClauseChange[] = [
    { section: '二、', number: '2.10', change: 'changed', before: 'a', after: 'b' },
    { section: '二、', number: '2.2', change: 'removed', before: 'x' },
    { section: '一、', number: '一、', change: 'changed', before: '总则\n', after: '总纲\n' },
    { section: '一、', number: '1.4', change: 'added', after: '公示{{c1.4-1}}。' },
  ];

  it('names a clause by its number, a section change by the section marker', () => {
    expect(changes.map(changeLabel)).toEqual(['2.10', '2.2', '一、', '1.4']);
  });

  it('shows clause text with blanks as ＿＿ and on one line', () => {
    expect(readableClauseText('公示{{c1.4-1}}。')).toBe('公示＿＿。');
    expect(readableClauseText('总则\n正文')).toBe('总则 正文');
    expect(readableClauseText(undefined)).toBe('');
  });

  it('lists dropped answers with the label of the old version and the value as typed', () => {
    expect(droppedAnswers(sample(), { g: '3', e: { option: '其他', other: '合伙' } }, ['g', 'e', 'gone'])).toEqual([
      { fieldId: 'g', label: '有效期', value: '3' },
      { fieldId: 'e', label: '承诺方类型', value: '其他（合伙）' },
      { fieldId: 'gone', label: 'gone', value: '' },
    ]);
    expect(displayValue({ option: '企业' })).toBe('企业');
  });
});
