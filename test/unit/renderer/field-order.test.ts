import { describe, expect, it } from 'vitest';
import { documentFieldOrder, normalizeFields, placeholders, samePlaceholders, sectionPlaceholders } from '../../../renderer/editor/field-order';
import { fieldIds, sample } from './fixture';

describe('placeholders', () => {
  it('lists the {{id}} names of a text in order, ids with dots and dashes included', () => {
    expect(placeholders('在{{c3.1.1-1}}小时内，{{x}}与{{c3.1.1-1}}')).toEqual(['c3.1.1-1', 'x', 'c3.1.1-1']);
    expect(placeholders('没有填写项')).toEqual([]);
    expect(placeholders('{{}} 与 {单} 都不是')).toEqual([]);
  });

  it('reads a section heading before its text', () => {
    expect(sectionPlaceholders({ heading: '关于{{h}}', text: '内容{{t}}' })).toEqual(['h', 't']);
  });

  it('compares placeholder sequences, not wording', () => {
    expect(samePlaceholders('a{{x}}b{{y}}', '改过的{{x}}文字{{y}}。')).toBe(true);
    expect(samePlaceholders('a{{x}}b{{y}}', '{{y}}{{x}}')).toBe(false);
    expect(samePlaceholders('a{{x}}', 'a{x}}')).toBe(false);
  });
});

describe('documentFieldOrder', () => {
  it('walks preamble, each section (heading, text, clauses depth-first), then the closing', () => {
    expect(documentFieldOrder(sample())).toEqual(['pre-1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'sig', 'date']);
  });
});

describe('normalizeFields', () => {
  it('leaves a consistent template as it is', () => {
    const t = sample();
    expect(normalizeFields(t)).toEqual(t);
  });

  it('recomputes every block list from its text and re-sorts template.fields into document order', () => {
    const t = sample();
    const scrambled = {
      ...t,
      fields: [...t.fields].reverse(),
      preamble: { ...t.preamble, fields: [] },
      closing: { ...t.closing, fields: ['date', 'sig'] },
    };
    const fixed = normalizeFields(scrambled);
    expect(fieldIds(fixed)).toEqual(documentFieldOrder(t));
    expect(fixed.preamble.fields).toEqual(['pre-1']);
    expect(fixed.closing.fields).toEqual(['sig', 'date']);
  });

  it('drops a field no text names any more, and never lists a field twice', () => {
    const t = sample();
    const edited = { ...t, preamble: { text: '为规范平台经营：', fields: ['pre-1'] }, fields: [...t.fields, t.fields[1]!] };
    const fixed = normalizeFields(edited);
    expect(fieldIds(fixed)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'sig', 'date']);
    expect(fixed.preamble.fields).toEqual([]);
  });

  it('does not change its input', () => {
    const t = sample();
    const before = structuredClone(t);
    normalizeFields({ ...t, fields: [...t.fields].reverse() });
    expect(t).toEqual(before);
  });
});
