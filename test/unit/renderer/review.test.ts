import { describe, expect, it } from 'vitest';
import type { Signer } from '../../../electron/shared/dto';
import { clauseExcerpt, plainClauseNumber, reviewDraft } from '../../../renderer/wizard/review';
import { precheck } from '../../../renderer/wizard/precheck';
import { sample } from './fixture';

const signer: Signer = { type: '企业', name: '张伟', organisation: '青禾' };
const allValues = { 'pre-1': '天猫', a: '主站', b: '2', c: '5', d: '24', e: { option: '企业' }, f: '3', g: '1' };
// sample(): leaf clauses are 1.1.1, 1.1.2, 1.2, 1.3.1 and the flat section 二 (key 2).
const allAcks = { '1.1.1': 't', '1.1.2': 't', '1.2': 't', '1.3.1': 't', '2': 't' };

describe('reviewDraft', () => {
  it('is ready when every blank is filled and valid and every leaf clause is confirmed', () => {
    const review = reviewDraft(sample(), allValues, signer, allAcks);
    expect(review).toEqual({ missing: [], unconfirmed: [], ready: true });
  });

  it('lists empty required blanks and invalid ones with their step, in document order', () => {
    const review = reviewDraft(sample(), { ...allValues, 'pre-1': '', c: '150', g: undefined as unknown as string }, signer, allAcks);
    expect(review.ready).toBe(false);
    expect(review.missing.map((m) => [m.fieldId, m.step, m.message])).toEqual([
      ['pre-1', 'intro', '此处必填'],
      ['c', 'section-1', '百分比须在 0 到 100 之间'],
      ['g', 'section-2', '此处必填'],
    ]);
    expect(review.missing[1]?.label).toBe('抽检比例');
  });

  it('never lists signatures or the date: they are given on the sign step', () => {
    const review = reviewDraft(sample(), allValues, signer, allAcks);
    expect(review.missing.some((m) => m.fieldId === 'sig' || m.fieldId === 'date')).toBe(false);
  });

  it('lists the signer’s missing name and bad numbers first, on the intro step', () => {
    const review = reviewDraft(sample(), allValues, { type: '企业', name: ' ', creditCode: '91350100M000100Y44', phone: '123' }, allAcks);
    expect(review.missing.map((m) => [m.fieldId, m.step, m.message])).toEqual([
      ['signer.name', 'intro', '此处必填'],
      ['signer.creditCode', 'intro', '统一社会信用代码校验位不正确'],
      ['signer.phone', 'intro', '请输入有效的手机号码或座机号码'],
    ]);
  });

  it('lists every unconfirmed leaf clause with its number, first words and step; a parent clause is never listed', () => {
    const review = reviewDraft(sample(), allValues, signer, { '1.1.1': 't' });
    expect(review.unconfirmed.map((u) => [u.key, u.number, u.step])).toEqual([
      ['1.1.2', '1.1.2', 'section-1'],
      ['1.2', '1.2', 'section-1'],
      ['1.3.1', '1.3.1', 'section-1'],
      ['2', '二', 'section-2'],
    ]);
    expect(review.unconfirmed[1]?.excerpt).toBe('每季度抽检＿%商品， 并在＿小时内处理。');
  });
});

describe('plainClauseNumber', () => {
  it('drops the trailing mark of a marker', () => {
    expect(plainClauseNumber('二、')).toBe('二');
    expect(plainClauseNumber('1、')).toBe('1');
    expect(plainClauseNumber('3.1')).toBe('3.1');
    expect(plainClauseNumber('（三）')).toBe('（三）');
    expect(plainClauseNumber('第一条')).toBe('第一条');
  });
});

describe('clauseExcerpt', () => {
  it('shows blanks as ＿ and cuts long text at a character count with an ellipsis', () => {
    expect(clauseExcerpt('保存{{f}}年。')).toBe('保存＿年。');
    expect(clauseExcerpt('一二三四五六七八九十一二三四五六七八九十一二', 20)).toBe('一二三四五六七八九十一二三四五六七八九十…');
    expect(clauseExcerpt('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
  });
});

describe('precheck before signing', () => {
  const base = { template: sample(), values: allValues, signer, acks: allAcks, date: '2026-11-28', signatures: { sig: 'data:image/png;base64,AA==' } };

  it('passes a complete draft', () => {
    expect(precheck(base)).toEqual([]);
  });

  it('blocks on unconfirmed clauses, after the blanks, signatures and the date, each with its step', () => {
    const problems = precheck({ ...base, acks: { '1.2': 't' }, signatures: {}, values: { ...allValues, b: '' } });
    expect(problems.map((p) => p.message)).toEqual([
      '“每日巡检次数”：此处必填',
      '请先在“承诺人签名”处签名',
      '第 1.1.1 条尚未确认“已阅读并同意本条款”',
      '第 1.1.2 条尚未确认“已阅读并同意本条款”',
      '第 1.3.1 条尚未确认“已阅读并同意本条款”',
      '第 二 条尚未确认“已阅读并同意本条款”',
    ]);
    expect(problems[2]).toMatchObject({ step: 'section-1', clauseKey: '1.1.1' });
  });

  it('names a missing signer and a bad date', () => {
    const problems = precheck({ ...base, signer: { type: '个人', name: '' }, date: '2026-02-30' });
    expect(problems.map((p) => p.message)).toEqual(['请先在“承诺人信息”步骤填写承诺人姓名', '请选择有效的签署日期']);
  });
});
