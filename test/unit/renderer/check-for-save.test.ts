import { describe, expect, it } from 'vitest';
import { checkForSave } from '../../../renderer/editor/check-for-save';
import { updateField } from '../../../renderer/editor/field-edits';
import { sample } from './fixture';

describe('checkForSave', () => {
  it('passes a consistent template', () => {
    expect(checkForSave(sample())).toEqual([]);
  });

  it('names each problem the host would refuse, by code', () => {
    let t = sample();
    t = { ...t, title: '  ' };
    t = updateField(t, 'e', { options: ['企业'], otherOption: undefined });
    t = updateField(t, 'c', { min: 60, max: 50 });
    t = updateField(t, 'a', { label: '' });
    expect(checkForSave(t)).toEqual([
      { code: 'empty-title' },
      { code: 'empty-label', fieldId: 'a' },
      { code: 'range-order', fieldId: 'c' },
      { code: 'too-few-options', fieldId: 'e' },
    ]);
  });

  it('finds empty and repeated options', () => {
    const t = updateField(sample(), 'e', { options: ['企业', '', '企业'], otherOption: undefined });
    expect(checkForSave(t)).toEqual([
      { code: 'empty-option', fieldId: 'e' },
      { code: 'duplicate-option', fieldId: 'e', option: '企业' },
    ]);
  });

  it('requires a signature field, and placeholders that name fields in document order', () => {
    const t = sample();
    const noSignature = { ...t, closing: { text: '签订日期：{{date}}', fields: ['date'] }, fields: t.fields.filter((f) => f.id !== 'sig') };
    expect(checkForSave(noSignature)).toEqual([{ code: 'no-signature' }]);
    const unknown = { ...t, preamble: { text: '为规范{{pre-1}}{{zzz}}平台经营：', fields: ['pre-1', 'zzz'] } };
    expect(checkForSave(unknown).map((p) => p.code)).toEqual(['unknown-placeholder', 'field-order']);
    expect(checkForSave({ ...t, fields: [...t.fields].reverse() })).toEqual([{ code: 'field-order' }]);
  });
});
