import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../electron/core/util/canonical-json';

/** A double from its IEEE-754 bit pattern, as RFC 8785 appendix B lists its samples. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson: property order (RFC 8785 §3.2.3)', () => {
  it('sorts the RFC sample keys by UTF-16 code units, emoji (surrogates) before U+FB33', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse reorders integer-like keys, so read the order from the text itself.
    const order = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":"[^"]*"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(keys).toHaveLength(7);
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('orders é, €, emoji and CJK by code unit, not by code point or locale', () => {
    // Code point order would put 中 (U+4E2D) and ！(U+FF01) before 😀 (U+1F600); UTF-16 puts 😀 (D83D) first.
    const text = canonicalJson({ '！': 1, '😀': 2, 中: 3, '€': 4, é: 5, z: 6, Z: 7, a: 8, B: 9 });
    expect(text).toBe('{"B":9,"Z":7,"a":8,"z":6,"é":5,"€":4,"中":3,"😀":2,"！":1}');
  });

  it('gives the same text whatever the insertion order', () => {
    const a = canonicalJson({ b: 1, a: { y: [3, 2, 1], x: null }, c: 'x' });
    const b = canonicalJson({ c: 'x', a: { x: null, y: [3, 2, 1] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"x":null,"y":[3,2,1]},"b":1,"c":"x"}');
  });

  it('compares keys as whole strings: a prefix sorts first', () => {
    expect(canonicalJson({ ab: 1, a: 2, 'a\u0000': 3, b: 4 })).toBe('{"a":2,"a\\u0000":3,"ab":1,"b":4}');
  });

  it('does not normalise Unicode: precomposed and decomposed é are different keys', () => {
    expect(canonicalJson({ '\u00e9': 1, 'e\u0301': 2 })).toBe('{"e\u0301":2,"\u00e9":1}');
  });
});

describe('canonicalJson: numbers (RFC 8785 §3.2.2.3, ES Number::toString)', () => {
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('RFC appendix B: bits %s → %s', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
  });

  it.each([
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [1e-7, '1e-7'],
    [1e-6, '0.000001'],
    [-0, '0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [4.5, '4.5'],
    [2e-3, '0.002'],
    [1e30, '1e+30'],
    [-1.5, '-1.5'],
    [100, '100'],
  ])('%s → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('writes -0 as 0 inside structures too', () => {
    expect(canonicalJson({ a: [-0, { b: -0 }] })).toBe('{"a":[0,{"b":0}]}');
  });

  it.each([NaN, Infinity, -Infinity])('rejects %s at the top level', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('rejects NaN and Infinity nested in arrays and objects', () => {
    expect(() => canonicalJson([1, [2, NaN]])).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: Infinity } })).toThrow(TypeError);
  });

  it('rejects values JSON cannot hold (bigint, function, symbol)', () => {
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson([Symbol('x')])).toThrow(TypeError);
  });
});

describe('canonicalJson: strings (RFC 8785 §3.2.2.2)', () => {
  it('escapes quote, backslash and control characters, with short forms where JSON has them', () => {
    expect(canonicalJson('"\\\b\f\n\r\t')).toBe('"\\"\\\\\\b\\f\\n\\r\\t"');
    expect(canonicalJson('\u0000\u0001\u000f\u001f')).toBe('"\\u0000\\u0001\\u000f\\u001f"');
  });

  it('leaves /, DEL, non-ASCII, U+2028/2029 and emoji unescaped', () => {
    expect(canonicalJson('/\u007f€承诺😀\u2028\u2029')).toBe('"/\u007f€承诺😀\u2028\u2029"');
  });

  it('reproduces the RFC 8785 §3.2.4 example', () => {
    const input = {
      // The RFC writes 333333333.33333329, more digits than a double holds: parse it as the RFC's JSON would.
      numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
});

describe('canonicalJson: structure', () => {
  it('writes no whitespace and keeps array order', () => {
    expect(canonicalJson({ list: [3, 'b', [true, null], {}, []] })).toBe('{"list":[3,"b",[true,null],{},[]]}');
  });

  it('drops properties whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
  });

  it('matches JSON.parse round trip: the canonical text parses back to an equal value', () => {
    const value = { 承诺: ['一', { 数字: 12.5, 空: null }], é: true, '😀': 'x"y' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('is what the hashes depend on: a golden value never changes', () => {
    const content = {
      schema: 1,
      templateVersion: 'abc',
      values: { 'c2.2-1': '10', 'pre-1': { option: '其他', other: '个体' } },
      signer: { type: '企业', name: '张三' },
      date: '2026-11-28',
      imageSha256s: { 'signature-1': '00' },
    };
    expect(canonicalJson(content)).toBe(
      '{"date":"2026-11-28","imageSha256s":{"signature-1":"00"},"schema":1,"signer":{"name":"张三","type":"企业"},' +
        '"templateVersion":"abc","values":{"c2.2-1":"10","pre-1":{"option":"其他","other":"个体"}}}',
    );
  });
});
