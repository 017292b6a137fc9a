import type { FieldValue, TemplateField } from './template';

/** Why a value does not fit its field; stable so that the UI can show its own Chinese text. */
export type FieldProblem =
  | 'empty'
  | 'not-a-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'too-many-decimals'
  | 'bad-format'
  | 'bad-check-digit'
  | 'bad-date'
  | 'unknown-option'
  | 'other-text-missing'
  | 'wrong-shape';

export type FieldCheck = { ok: true } | { ok: false; problem: FieldProblem; message: string };

const OK: FieldCheck = { ok: true };
const fail = (problem: FieldProblem, message: string): FieldCheck => ({ ok: false, problem, message });

/** Upper bound for free-text values, in UTF-16 code units: a blank in a pledge is a phrase, not an essay. */
export const MAX_TEXT_LENGTH = 500;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Checks one value against its field. An empty string means "not filled yet": it passes unless `required`
 * checking is asked for, because drafts keep partial answers. Values are trimmed before checking.
 */
export function validateFieldValue(field: TemplateField, value: FieldValue | undefined, requireFilled = false): FieldCheck {
  if (field.kind === 'signature') return OK;
  if (field.kind === 'choice') return validateChoice(field, value, requireFilled);
  if (value !== undefined && typeof value !== 'string') return fail('wrong-shape', 'expected a string');
  const text = (value ?? '').trim();
  if (text === '') return requireFilled && field.required ? fail('empty', 'a value is required') : OK;
  if (text.length > MAX_TEXT_LENGTH) return fail('bad-format', `longer than ${MAX_TEXT_LENGTH} characters`);
  const type = field.kind === 'date' ? 'date' : (field.valueType ?? 'text');
  const check = checkType(type, text);
  if (!check.ok || !NUMERIC.has(type)) return check;
  // The template's own range (set in the editor) narrows the type's range.
  const n = Number(text);
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
    return fail('out-of-range', `expected a value from ${field.min ?? '…'} to ${field.max ?? '…'}`);
  }
  return OK;
}

const NUMERIC = new Set(['percent', 'integer', 'number', 'duration', 'money']);

function checkType(type: NonNullable<TemplateField['valueType']>, text: string): FieldCheck {
  switch (type) {
    case 'percent': {
      if (!DECIMAL.test(text)) return fail('not-a-number', 'expected a number from 0 to 100');
      const n = Number(text);
      return n >= 0 && n <= 100 ? OK : fail('out-of-range', 'a percentage must be between 0 and 100');
    }
    case 'integer':
      if (!/^-?\d+$/.test(text)) return fail('not-an-integer', 'expected a whole number');
      return Number(text) >= 0 ? OK : fail('out-of-range', 'expected a number of at least 0');
    case 'number':
    case 'duration':
      if (!DECIMAL.test(text)) return fail('not-a-number', 'expected a number');
      return Number(text) >= 0 ? OK : fail('out-of-range', 'expected a number of at least 0');
    case 'money':
      if (!DECIMAL.test(text)) return fail('not-a-number', 'expected an amount');
      if (Number(text) < 0) return fail('out-of-range', 'an amount cannot be negative');
      return /\.\d{3,}$/.test(text) ? fail('too-many-decimals', 'at most two decimals (fen)') : OK;
    case 'phone':
      return /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4})$/.test(text)
        ? OK
        : fail('bad-format', 'expected a mainland mobile or landline number');
    case 'idCard':
      return checkResidentId(text);
    case 'creditCode':
      return checkCreditCode(text);
    case 'date':
      return isIsoDate(text) ? OK : fail('bad-date', 'expected a date as YYYY-MM-DD');
    case 'text':
      return OK;
  }
}

function validateChoice(field: TemplateField, value: FieldValue | undefined, requireFilled: boolean): FieldCheck {
  if (value === undefined || value === '') return requireFilled && field.required ? fail('empty', 'choose an option') : OK;
  const choice = typeof value === 'string' ? { option: value } : value;
  if (typeof choice !== 'object' || typeof choice.option !== 'string') return fail('wrong-shape', 'expected {option, other?}');
  if (!(field.options ?? []).includes(choice.option)) return fail('unknown-option', `"${choice.option}" is not an option`);
  if (choice.option === field.otherOption && requireFilled && !(choice.other ?? '').trim()) {
    return fail('other-text-missing', `describe "${choice.option}"`);
  }
  return OK;
}

/** True for a real calendar date written as YYYY-MM-DD (years 1900–2999). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] as number);
}

/** GB 11643-1999: 17 digits, then a check character from the weighted sum mod 11. */
export function checkResidentId(text: string): FieldCheck {
  const id = text.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return fail('bad-format', 'expected 18 characters: 17 digits and a digit or X');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] as number);
  const expected = '10X98765432'[sum % 11];
  if (id[17] !== expected) return fail('bad-check-digit', 'the check digit does not match');
  return isIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)
    ? OK
    : fail('bad-format', 'the birth date inside the number is not a real date');
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015: 17 characters from a 31-letter alphabet, then a check character (weighted sum mod 31). */
export function checkCreditCode(text: string): FieldCheck {
  const code = text.toUpperCase();
  if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(code)) {
    return fail('bad-format', 'expected 18 characters (digits and capital letters without I, O, S, V, Z)');
  }
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i] as string) * (weights[i] as number);
  const expected = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  return code[17] === expected ? OK : fail('bad-check-digit', 'the check character does not match');
}
