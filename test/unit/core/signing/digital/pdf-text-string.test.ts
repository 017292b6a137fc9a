import { describe, expect, it } from 'vitest';
import { pdfDateString, pdfTextString } from '../../../../../electron/core/signing/digital/pdf-text-string';

describe('pdfTextString: any Unicode as a UTF-16BE hex string with BOM', () => {
  it('writes Chinese as its UTF-16 code units after FEFF', () => {
    expect(pdfTextString('王小明')).toBe('<FEFF738B5C0F660E>');
  });

  it('needs no escaping for bytes that are ( ) \\ in a literal string (五 U+4E94 → 0x4E 0x94; 和 U+548C)', () => {
    expect(pdfTextString('(五)\\和')).toBe('<FEFF00284E940029005C548C>');
  });

  it('keeps characters outside the BMP as surrogate pairs (𠀀 U+20000)', () => {
    expect(pdfTextString('𠀀')).toBe('<FEFFD840DC00>');
  });

  it('round-trips through a UTF-16BE decoder', () => {
    const text = '本人已阅读并同意上述承诺内容；地点：浙江省杭州市（西湖区）';
    const hex = pdfTextString(text).slice(5, -1);
    expect(new TextDecoder('utf-16be').decode(Buffer.from(hex, 'hex'))).toBe(text);
  });
});

describe('pdfDateString', () => {
  it('writes UTC to the second with Z', () => {
    expect(pdfDateString(new Date('2026-11-28T02:30:05.678Z'))).toBe('(D:20261128023005Z)');
  });
});
