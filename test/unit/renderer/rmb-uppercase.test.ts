import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INTEGER_DIGITS, rmbUppercase } from '../../../renderer/wizard/rmb-uppercase';

describe('rmbUppercase', () => {
  it.each([
    ['1000.50', '壹仟元伍角'],
    ['1000.5', '壹仟元伍角'],
    ['20000', '贰万元整'],
    ['20000.00', '贰万元整'],
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['1', '壹元整'],
    ['10', '壹拾元整'],
    ['15', '壹拾伍元整'],
    ['100', '壹佰元整'],
    ['101', '壹佰零壹元整'],
    ['110', '壹佰壹拾元整'],
    ['1001', '壹仟零壹元整'],
    ['1010', '壹仟零壹拾元整'],
    ['1100', '壹仟壹佰元整'],
    ['9999', '玖仟玖佰玖拾玖元整'],
    ['10000', '壹万元整'],
    ['10001', '壹万零壹元整'],
    ['10010', '壹万零壹拾元整'],
    ['10100', '壹万零壹佰元整'],
    ['11000', '壹万壹仟元整'],
    ['100000', '壹拾万元整'],
    ['1000001', '壹佰万零壹元整'],
    ['12345678', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整'],
    ['100000000', '壹亿元整'],
    ['100000001', '壹亿零壹元整'],
    ['100001000', '壹亿零壹仟元整'],
    ['101000000', '壹亿零壹佰万元整'],
    ['110000000', '壹亿壹仟万元整'],
    ['110000001', '壹亿壹仟万零壹元整'],
    ['1000000000', '壹拾亿元整'],
    ['1000000000000', '壹万亿元整'],
    ['1000000000001', '壹万亿零壹元整'],
    ['1234500000000', '壹万贰仟叁佰肆拾伍亿元整'],
    ['10000000010000', '壹拾万亿零壹万元整'],
    ['9999999999999999', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整'],
    ['0.5', '伍角'],
    ['0.50', '伍角'],
    ['0.05', '伍分'],
    ['0.55', '伍角伍分'],
    ['1.05', '壹元零伍分'],
    ['1000.05', '壹仟元零伍分'],
    ['1010.05', '壹仟零壹拾元零伍分'],
    ['1000.55', '壹仟元伍角伍分'],
    ['120.30', '壹佰贰拾元叁角'],
    ['007', '柒元整'],
    ['  88 ', '捌拾捌元整'],
  ])('%s → %s', (input, expected) => {
    expect(rmbUppercase(input)).toBe(expected);
  });

  it.each(['', ' ', 'abc', '-1', '1,000', '1.', '.5', '1.234', '1e3', '１００', '10000000000000000'])('refuses %j', (input) => {
    expect(rmbUppercase(input)).toBeNull();
  });

  it('accepts integer parts up to the limit and no further', () => {
    expect(rmbUppercase('9'.repeat(MAX_INTEGER_DIGITS))).not.toBeNull();
    expect(rmbUppercase('1'.padEnd(MAX_INTEGER_DIGITS + 1, '0'))).toBeNull();
  });

  /** Reads capitals back into a number of fen, the way a bank clerk would: the test's independent check. */
  function parseCapitals(words: string): bigint {
    const digit = (ch: string): number => '零壹贰叁肆伍陆柒捌玖'.indexOf(ch);
    const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    let yi = 0n;
    let wan = 0n;
    let section = 0n;
    let pending = 0n;
    let fen = 0n;
    const body = words.replace(/整$/, '');
    const [intPart, fracPart = ''] = body.includes('元') ? (body.split('元') as [string, string]) : ['', body];
    for (const ch of intPart) {
      if (digit(ch) > 0) pending = BigInt(digit(ch));
      else if (ch === '零') continue;
      else if (ch in small) {
        section += pending * BigInt(small[ch] as number);
        pending = 0n;
      } else if (ch === '万') {
        wan += (section + pending) * 10_000n;
        section = 0n;
        pending = 0n;
      } else if (ch === '亿') {
        yi = (yi + wan + section + pending) * 100_000_000n;
        wan = 0n;
        section = 0n;
        pending = 0n;
      } else throw new Error(`unexpected ${ch} in ${words}`);
    }
    const total = yi + wan + section + pending;
    const jiao = /(.)角/.exec(fracPart);
    const fenMatch = /(.)分/.exec(fracPart);
    if (jiao) fen += BigInt(digit(jiao[1] as string)) * 10n;
    if (fenMatch) fen += BigInt(digit(fenMatch[1] as string));
    return total * 100n + fen;
  }

  it('writes every amount so that it reads back to the same number (up to 万亿)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 99 }), (yuan, fen) => {
        const text = `${yuan}.${String(fen).padStart(2, '0')}`;
        const words = rmbUppercase(text) as string;
        expect(words).not.toBeNull();
        expect(parseCapitals(words)).toBe(yuan * 100n + BigInt(fen));
        // Never two 零 in a row, never 零 before a unit or at the end of the yuan (零元整 alone aside).
        if (yuan + BigInt(fen) > 0n) expect(words).not.toMatch(/零零|零[万亿元拾佰仟]|零$/);
        expect(words.endsWith('整')).toBe(fen === 0);
      }),
      { numRuns: 2000 },
    );
  });
});
