import { describe, expect, it } from 'vitest';
import type { TemplateField } from '../../../electron/shared/template';
import { addOption, hasRange, parseBound, patchField, removeOption, renameOption, updateField } from '../../../renderer/editor/field-edits';
import { sample } from './fixture';

const percent: TemplateField = { id: 'c', kind: 'blank', label: '抽检比例', valueType: 'percent', unit: '%', required: true };
const choice: TemplateField = { id: 'e', kind: 'choice', label: '类型', options: ['企业', '个人', '其他'], otherOption: '其他', preselected: '企业', required: true };

describe('patchField', () => {
  it('sets a range on a numeric blank and removes a bound set to undefined', () => {
    const ranged = patchField(percent, { min: 0, max: 50 });
    expect(ranged).toMatchObject({ min: 0, max: 50 });
    const open = patchField(ranged, { max: undefined });
    expect(open.min).toBe(0);
    expect('max' in open).toBe(false);
  });

  it('drops the range when the type stops being numeric, and an empty unit', () => {
    const text = patchField({ ...percent, min: 1, max: 5 }, { valueType: 'text', unit: '' });
    expect(text).toEqual({ id: 'c', kind: 'blank', label: '抽检比例', valueType: 'text', required: true });
    expect(hasRange(text)).toBe(false);
    expect(hasRange(percent)).toBe(true);
    expect(hasRange({ ...percent, valueType: 'money' })).toBe(true);
    expect(hasRange({ ...percent, valueType: 'phone' })).toBe(false);
  });

  it('changes the label and the required flag', () => {
    expect(patchField(percent, { label: '新名称', required: false })).toMatchObject({ label: '新名称', required: false });
  });
});

describe('updateField', () => {
  it('patches one field of a template and no other', () => {
    const t = sample();
    const next = updateField(t, 'c', { max: 50 });
    expect(next.fields.find((f) => f.id === 'c')?.max).toBe(50);
    expect(next.fields.filter((f) => f.id !== 'c')).toEqual(t.fields.filter((f) => f.id !== 'c'));
    expect(t.fields.find((f) => f.id === 'c')?.max).toBeUndefined();
  });
});

describe('choice options', () => {
  it('renaming an option carries its "other" and pre-ticked references along', () => {
    expect(renameOption(choice, 2, '其它')).toMatchObject({ options: ['企业', '个人', '其它'], otherOption: '其它', preselected: '企业' });
    expect(renameOption(choice, 0, '公司')).toMatchObject({ options: ['公司', '个人', '其他'], preselected: '公司' });
    expect(renameOption(choice, 7, 'x')).toBe(choice);
  });

  it('removing an option removes the references to it', () => {
    const removed = removeOption(choice, 2);
    expect(removed.options).toEqual(['企业', '个人']);
    expect('otherOption' in removed).toBe(false);
    expect(removed.preselected).toBe('企业');
    expect(removeOption(choice, 0).preselected).toBeUndefined();
  });

  it('adds an option at the end', () => {
    expect(addOption(choice, '个体工商户').options).toEqual(['企业', '个人', '其他', '个体工商户']);
  });
});

describe('parseBound', () => {
  it('reads numbers (full-width digits too), empty as "no bound", and refuses anything else', () => {
    expect(parseBound('50')).toEqual({ ok: true, value: 50 });
    expect(parseBound(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseBound('-3')).toEqual({ ok: true, value: -3 });
    expect(parseBound('５０')).toEqual({ ok: true, value: 50 });
    expect(parseBound('')).toEqual({ ok: true, value: undefined });
    expect(parseBound('5.')).toEqual({ ok: false });
    expect(parseBound('1e3')).toEqual({ ok: false });
    expect(parseBound('五十')).toEqual({ ok: false });
  });
});
