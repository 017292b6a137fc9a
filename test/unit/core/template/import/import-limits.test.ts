import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../../electron/core/errors';
import { cleanText } from '../../../../../electron/core/template/import/clean-text';
import { decodeDocument } from '../../../../../electron/core/template/import/decode-document';
import { MAX_LINE_CHARS, MAX_PLEDGE_LINES, importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { splitInline } from '../../../../../electron/core/template/import/split-inline';

/**
 * Regressions found by the import fuzzer (import-fuzz.test.ts): runs of blanks made cleanText and splitInline
 * quadratic (360,000 spaces in an HTML paste: minutes), and very long lines or very many one-line clauses made
 * field and clause parsing slow. Each case must now end within a second.
 */

const MAX_MS = 1_000;

function timed<T>(fn: () => T): { value: T | CoreError; ms: number } {
  const started = performance.now();
  try {
    return { value: fn(), ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    return { value: error, ms: performance.now() - started };
  }
}

const framed = (middle: string): string => `承诺书\n${middle}\n承诺人签名：__________`;

describe('import on hostile whitespace and sizes', () => {
  it('360,000 spaces between the title and the signature (the fuzzer’s HTML case) import in well under a second', async () => {
    const { text } = await decodeDocument(new TextEncoder().encode(framed(' '.repeat(360_000))), 'x.html');
    const { value, ms } = timed(() => importPledges(text));
    expect(ms).toBeLessThan(MAX_MS);
    expect(value).not.toBeInstanceOf(Error);
  });

  it.each([' ', '\u3000', ' \n', '。 ', '__ '])('cleanText is linear in a run of %j', (unit) => {
    const small = timed(() => cleanText(framed(unit.repeat(10_000)))).ms;
    const big = timed(() => cleanText(framed(unit.repeat(200_000)))).ms;
    expect(big).toBeLessThan(MAX_MS);
    // 20× the input: linear work is ~20× (plus noise); the quadratic code was ~400×.
    expect(big).toBeLessThan(Math.max(50, small * 60));
  });

  it('splitInline still splits a one-line pledge at its clauses and closing labels, blanks around them trimmed', () => {
    const line = `电商平台服务保障承诺书为规范经营，本店承诺：  一、遵守法律法规。   二、诚信经营，在__________小时内发货。1.1 按时退款；  承诺人签名：__________   日期：__________`;
    expect(splitInline([line])).toEqual([
      '电商平台服务保障承诺书',
      '为规范经营，本店承诺：',
      '一、遵守法律法规。',
      '二、诚信经营，在__________小时内发货。',
      '1.1 按时退款；',
      '承诺人签名：__________',
      '日期：__________',
    ]);
  });

  it(`a line longer than ${MAX_LINE_CHARS} characters → IMPORT_TOO_LARGE at once`, () => {
    const { value, ms } = timed(() => importPledges(framed('__ '.repeat(100_000))));
    expect(value).toBeInstanceOf(CoreError);
    expect((value as CoreError).code).toBe('IMPORT_TOO_LARGE');
    expect(ms).toBeLessThan(MAX_MS);
  });

  it(`a pledge of more than ${MAX_PLEDGE_LINES} lines (33,000 one-line clauses) → IMPORT_TOO_LARGE at once`, () => {
    const { value, ms } = timed(() => importPledges(framed('。1、'.repeat(33_000))));
    expect(value).toBeInstanceOf(CoreError);
    expect((value as CoreError).code).toBe('IMPORT_TOO_LARGE');
    expect(ms).toBeLessThan(MAX_MS);
  });

  it('just inside both limits still imports, within a second', () => {
    const clauses = Array.from({ length: MAX_PLEDGE_LINES - 10 }, (_, i) => `${i + 1}、在__________天内处理。`).join('\n');
    const { value, ms } = timed(() => importPledges(framed(clauses)));
    expect(Array.isArray(value)).toBe(true);
    expect(ms).toBeLessThan(MAX_MS * 2);
  });
});
