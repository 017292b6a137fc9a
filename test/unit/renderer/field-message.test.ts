import { describe, expect, it } from 'vitest';
import type { TemplateField } from '../../../electron/shared/template';
import { t } from '../../../renderer/i18n/t';
import { effectiveRange, fieldMessage } from '../../../renderer/wizard/field-message';

const percent: TemplateField = { id: 'c', kind: 'blank', label: '抽检比例', valueType: 'percent', unit: '%', required: true };

describe('fieldMessage with a range set in the editor', () => {
  it('names the template’s own range for a value outside it', () => {
    expect(fieldMessage({ ...percent, max: 50 }, '60')).toBe('百分比须在 0 到 50 之间');
    expect(fieldMessage({ ...percent, min: 10, max: 50 }, '5')).toBe('百分比须在 10 到 50 之间');
    expect(fieldMessage({ ...percent, max: 50 }, '50')).toBeNull();
    expect(fieldMessage({ ...percent, valueType: 'integer', min: 3 }, '2')).toBe('数值不能小于 3');
    expect(fieldMessage({ ...percent, valueType: 'money', max: 1000 }, '1000.5')).toBe('金额须在 0 到 1000 之间');
  });

  it('keeps the value type’s own messages where no range is set', () => {
    expect(fieldMessage(percent, '150')).toBe('百分比须在 0 到 100 之间');
    expect(fieldMessage(percent, 'abc')).toBe('请输入 0 到 100 之间的数字');
  });

  it('narrows the type range by the template range, never widening it', () => {
    expect(effectiveRange({ ...percent, min: -5, max: 500 })).toEqual([0, 100]);
    expect(effectiveRange({ ...percent, valueType: 'duration', max: 72 })).toEqual([0, 72]);
    expect(effectiveRange({ ...percent, valueType: 'number' })).toEqual([0, undefined]);
  });
});

describe('import warnings in Chinese', () => {
  it('has a Chinese text for each known code and falls back to the message', () => {
    for (const code of ['truncated', 'no-signature-line', 'no-date-line', 'no-clauses']) {
      expect(t.importWarning(code, 'english')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(t.importWarning('something-new', 'as sent')).toBe('as sent');
  });
});
