import { describe, expect, it } from 'vitest';
import type { FieldValue, TemplateField, ValueType } from '../../../electron/shared/template';
import {
  MAX_TEXT_LENGTH,
  checkCreditCode,
  checkResidentId,
  isIsoDate,
  validateFieldValue,
} from '../../../electron/shared/validate-field-value';

const blank = (valueType: ValueType, extra: Partial<TemplateField> = {}): TemplateField => ({
  id: 'f',
  kind: 'blank',
  label: 'label',
  valueType,
  required: true,
  ...extra,
});

const problemOf = (field: TemplateField, value: FieldValue | undefined, requireFilled = false): string =>
  ((check) => (check.ok ? 'ok' : check.problem))(validateFieldValue(field, value, requireFilled));

/** GB 11643-1999 check character, written here from the standard (weights 2^(17-i) mod 11). */
function residentCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] as string;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 check character: weights 3^i mod 31, check = 31 − (sum mod 31), 31 → 0. */
function creditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i] as string) * (3 ** i % 31);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

describe('percent', () => {
  const f = blank('percent');
  it.each([
    ['0', 'ok'],
    ['100', 'ok'],
    ['0.5', 'ok'],
    ['99.99', 'ok'],
    [' 50 ', 'ok'],
    ['100.5', 'out-of-range'],
    ['100.0001', 'out-of-range'],
    ['101', 'out-of-range'],
    ['-1', 'out-of-range'],
    ['-0.1', 'out-of-range'],
    ['abc', 'not-a-number'],
    ['50%', 'not-a-number'],
    ['1e2', 'not-a-number'],
    ['.5', 'not-a-number'],
    ['5.', 'not-a-number'],
    ['五十', 'not-a-number'],
  ])('%j → %s', (value, expected) => {
    expect(problemOf(f, value)).toBe(expected);
  });
});

describe('integer', () => {
  const f = blank('integer', { unit: '次' });
  it.each([
    ['0', 'ok'],
    ['4', 'ok'],
    ['12000', 'ok'],
    ['3.5', 'not-an-integer'],
    ['3.0', 'not-an-integer'],
    ['-2', 'out-of-range'],
    ['x', 'not-an-integer'],
    ['1,000', 'not-an-integer'],
  ])('%j → %s', (value, expected) => {
    expect(problemOf(f, value)).toBe(expected);
  });
});

describe('duration and number', () => {
  it.each([
    ['duration', '1.5', 'ok'],
    ['duration', '0', 'ok'],
    ['duration', '-1', 'out-of-range'],
    ['duration', 'soon', 'not-a-number'],
    ['number', '2.25', 'ok'],
    ['number', '-3', 'out-of-range'],
  ] as const)('%s %j → %s', (type, value, expected) => {
    expect(problemOf(blank(type), value)).toBe(expected);
  });
});

describe('money', () => {
  const f = blank('money', { unit: '元' });
  it.each([
    ['0', 'ok'],
    ['1000', 'ok'],
    ['1000.5', 'ok'],
    ['1000.50', 'ok'],
    ['1000.505', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['-1', 'out-of-range'],
    ['-0.5', 'out-of-range'],
    ['1,000', 'not-a-number'],
    ['¥100', 'not-a-number'],
    ['一百', 'not-a-number'],
  ])('%j → %s', (value, expected) => {
    expect(problemOf(f, value)).toBe(expected);
  });
});

describe('phone', () => {
  const f = blank('phone');
  it.each([
    ['13800138000', 'ok'],
    ['19912345678', 'ok'],
    ['010-12345678', 'ok'],
    ['0571-8888888', 'ok'],
    ['01012345678', 'ok'],
    ['010-12345678-123', 'ok'],
    ['400-123-4567', 'ok'],
    ['4001234567', 'ok'],
    ['12800138000', 'bad-format'],
    ['1380013800', 'bad-format'],
    ['138001380001', 'bad-format'],
    ['1380013800a', 'bad-format'],
    ['010-123456', 'bad-format'],
  ])('%j → %s', (value, expected) => {
    expect(problemOf(f, value)).toBe(expected);
  });
});

describe('resident ID (GB 11643)', () => {
  it('the test’s own check-digit function agrees with the well-known sample 11010519491231002X', () => {
    expect(residentCheck('11010519491231002')).toBe('X');
  });

  const valid = ['11010519491231002', '44030419900307123', '32010620000229456', '51010819850615001', '35020319991231888'].map(
    (first17) => first17 + residentCheck(first17),
  );

  it.each(valid)('accepts %s (check digit computed from the standard)', (id) => {
    expect(checkResidentId(id)).toEqual({ ok: true });
    expect(problemOf(blank('idCard'), id)).toBe('ok');
  });

  it('accepts a lower-case x check character', () => {
    expect(problemOf(blank('idCard'), '11010519491231002x')).toBe('ok');
  });

  it.each(valid)('refuses %s with any one of its digits changed', (id) => {
    for (let i = 0; i < 17; i++) {
      const digit = Number(id[i]);
      const flipped = `${id.slice(0, i)}${(digit + 1) % 10}${id.slice(i + 1)}`;
      // Changing a digit always changes the weighted sum mod 11 (weights are never 0 mod 11).
      expect(checkResidentId(flipped).ok, flipped).toBe(false);
    }
  });

  it('reports a wrong check character as bad-check-digit', () => {
    expect(problemOf(blank('idCard'), '110105194912310021')).toBe('bad-check-digit');
    expect(problemOf(blank('idCard'), '110105194912310029')).toBe('bad-check-digit');
  });

  it('refuses an impossible birth date even with a correct check digit', () => {
    const first17 = '11010519490230002'; // 1949-02-30
    expect(problemOf(blank('idCard'), first17 + residentCheck(first17))).toBe('bad-format');
  });

  it.each(['1101051949123100', '11010519491231002XX', '11010519491231002Y', '1101051949123100X2', ''])(
    'refuses the shape %j',
    (id) => {
      expect(checkResidentId(id).ok).toBe(false);
    },
  );
});

describe('unified social credit code (GB 32100)', () => {
  it('the test’s own check function agrees with the commonly cited 91350100M000100Y43', () => {
    expect(creditCheck('91350100M000100Y4')).toBe('3');
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true });
  });

  const derived = ['91110108MA01ABCD1', '12100000400000624', '52440300MJL000001', '93330100TRW123456', '91440300708461136'].map(
    (first17) => first17 + creditCheck(first17),
  );

  it.each(derived)('accepts %s (check character computed from the standard)', (code) => {
    expect(problemOf(blank('creditCode'), code)).toBe('ok');
  });

  it('accepts lower case', () => {
    expect(problemOf(blank('creditCode'), '91350100m000100y43')).toBe('ok');
  });

  it.each(derived)('refuses %s with its check character changed', (code) => {
    for (const c of CREDIT_ALPHABET) {
      if (c === code[17]) continue;
      expect(problemOf(blank('creditCode'), code.slice(0, 17) + c)).toBe('bad-check-digit');
    }
  });

  it('refuses a changed body character', () => {
    expect(problemOf(blank('creditCode'), '91350100M000100Y53')).toBe('bad-check-digit');
  });

  it.each(['91350100M000100Y4', '91350100M000100Y433', '91350100I000100Y43', '91350100O000100Y43', '9135010SM000100Y43'])(
    'refuses the shape %j (length, or letters I O S V Z)',
    (code) => {
      expect(problemOf(blank('creditCode'), code)).toBe('bad-format');
    },
  );
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-11-28', true],
    ['2023-02-28', true],
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-1', false],
    ['2024/01/01', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
  ])('isIsoDate(%j) = %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
    expect(problemOf(blank('date'), text)).toBe(expected ? 'ok' : 'bad-date');
  });

  it('checks a date-kind field as a date whatever its valueType', () => {
    const field: TemplateField = { id: 'date-1', kind: 'date', label: '签订日期', required: true };
    expect(problemOf(field, '2023-02-29')).toBe('bad-date');
    expect(problemOf(field, '2024-02-29')).toBe('ok');
  });
});

describe('choice', () => {
  const choice: TemplateField = {
    id: 'pre-1',
    kind: 'choice',
    label: '承诺方类型',
    options: ['企业', '个人', '其他'],
    otherOption: '其他',
    required: true,
  };

  it.each([
    ['企业', 'ok'],
    [{ option: '个人' }, 'ok'],
    [{ option: '其他', other: '个体工商户' }, 'ok'],
    [{ option: '公司' }, 'unknown-option'],
    ['公司', 'unknown-option'],
  ] as Array<[FieldValue, string]>)('%j → %s', (value, expected) => {
    expect(problemOf(choice, value, true)).toBe(expected);
  });

  it('asks for the other-text of 其他 only at signing time', () => {
    expect(problemOf(choice, { option: '其他' }, false)).toBe('ok');
    expect(problemOf(choice, { option: '其他' }, true)).toBe('other-text-missing');
    expect(problemOf(choice, { option: '其他', other: '   ' }, true)).toBe('other-text-missing');
  });

  it('does not ask for other-text on an ordinary option', () => {
    expect(problemOf(choice, { option: '企业' }, true)).toBe('ok');
  });

  it('an unanswered required choice is empty only when filling is required', () => {
    expect(problemOf(choice, undefined, false)).toBe('ok');
    expect(problemOf(choice, undefined, true)).toBe('empty');
    expect(problemOf(choice, '', true)).toBe('empty');
    expect(problemOf({ ...choice, required: false }, undefined, true)).toBe('ok');
  });
});

describe('required and shape', () => {
  it('an empty (or blank) value passes while drafting and fails at signing when required', () => {
    for (const value of [undefined, '', '   ']) {
      expect(problemOf(blank('percent'), value, false)).toBe('ok');
      expect(problemOf(blank('percent'), value, true)).toBe('empty');
      expect(problemOf(blank('percent', { required: false }), value, true)).toBe('ok');
    }
  });

  it('an optional field that is filled is still checked', () => {
    expect(problemOf(blank('percent', { required: false }), '150', true)).toBe('out-of-range');
  });

  it('refuses a choice object in a blank', () => {
    expect(problemOf(blank('text'), { option: 'x' })).toBe('wrong-shape');
  });

  it(`limits free text to ${MAX_TEXT_LENGTH} characters (after trimming)`, () => {
    expect(problemOf(blank('text'), '字'.repeat(MAX_TEXT_LENGTH))).toBe('ok');
    expect(problemOf(blank('text'), ` ${'字'.repeat(MAX_TEXT_LENGTH)} `)).toBe('ok');
    expect(problemOf(blank('text'), '字'.repeat(MAX_TEXT_LENGTH + 1))).toBe('bad-format');
  });

  it('accepts any free text, and treats a missing valueType as text', () => {
    expect(problemOf(blank('text'), '淘宝')).toBe('ok');
    expect(problemOf({ id: 'x', kind: 'blank', label: 'l', required: true }, '任意 text 123')).toBe('ok');
  });

  it('never asks anything of a signature field (its image is checked at signing)', () => {
    const sig: TemplateField = { id: 'signature-1', kind: 'signature', label: '承诺人签名', required: true };
    expect(validateFieldValue(sig, undefined, true)).toEqual({ ok: true });
  });

  it('gives a message with every problem', () => {
    const check = validateFieldValue(blank('percent'), '150');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/0 and 100/);
  });
});
