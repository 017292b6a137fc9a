import { describe, expect, it } from 'vitest';
import { originalValue } from '../../../../renderer/stamp/StampFormFields';

describe('originalValue (a form field as the PDF has it, in fillForm terms)', () => {
  it('gives check boxes as true/false, whatever shape the inspection used', () => {
    expect(originalValue({ name: 'agree', type: 'checkbox', value: 'on' })).toBe('true');
    expect(originalValue({ name: 'agree', type: 'checkbox', value: true })).toBe('true');
    expect(originalValue({ name: 'agree', type: 'checkbox', value: '' })).toBe('false');
    expect(originalValue({ name: 'agree', type: 'checkbox', value: null })).toBe('false');
  });

  it('gives text and choices as text, a missing value as empty', () => {
    expect(originalValue({ name: 'signer.name', type: 'text', value: '张三' })).toBe('张三');
    expect(originalValue({ name: 'city', type: 'dropdown', value: '上海', options: ['上海', '北京'] })).toBe('上海');
    expect(originalValue({ name: 'tags', type: 'list', value: ['a', 'b'] })).toBe('a, b');
    expect(originalValue({ name: 'x', type: 'text', value: null })).toBe('');
    expect(originalValue({ name: 'x', type: 'text', value: false })).toBe('');
  });
});
