/**
 * Clause numbering schemes found in pledges, and how to read a marker at the start of a line.
 * A scheme is a kind of marker; the importer nests schemes in the order they first appear.
 */
export type Scheme =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'article' // 第一条
  | 'arabic-dun' // 1、
  | 'arabic-dot' // 1. / 1．
  | 'decimal-2' // 1.1
  | 'decimal-3' // 1.1.1
  | 'decimal-4' // 1.1.1.1
  | 'arabic-paren' // (1) / （1）
  | 'circled' // ①
  | `md-${1 | 2 | 3 | 4 | 5 | 6}`; // Markdown headings

export interface Marker {
  scheme: Scheme;
  /** The marker as written, e.g. `一、`, `1.1`, `（一）`. */
  number: string;
  /** The ordinal the marker stands for (一 → 1, ③ → 3, 1.2.5 → 5). */
  ordinal: number;
  /** The text after the marker. */
  rest: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十一 → 11, 二十三 → 23, 一百零五 → 105. */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = CN_DIGITS[c] ?? 0;
    }
  }
  return total + digit;
}

const CN = '[一二三四五六七八九十百零〇两]{1,4}';
const PATTERNS: ReadonlyArray<readonly [Scheme, RegExp, (m: RegExpExecArray) => number]> = [
  ['article', new RegExp(`^(第(${CN})条)[\\s\\u3000]*`), (m) => chineseNumber(m[2] as string)],
  ['cn-dun', new RegExp(`^((${CN})[、，,.．])`), (m) => chineseNumber(m[2] as string)],
  ['cn-paren', new RegExp(`^([（(](${CN})[)）][、.．]?)`), (m) => chineseNumber(m[2] as string)],
  ['decimal-4', /^((\d{1,2})\.(\d{1,2})\.(\d{1,2})\.(\d{1,2}))(?![\d%％])[.．、]?\s*/, (m) => Number(m[5])],
  ['decimal-3', /^((\d{1,2})\.(\d{1,2})\.(\d{1,2}))(?![\d%％.])[.．、]?\s*/, (m) => Number(m[4])],
  ['decimal-2', /^((\d{1,2})\.(\d{1,2}))(?![\d%％.])[.．、]?\s*/, (m) => Number(m[3])],
  ['arabic-dun', /^((\d{1,2}|[lI])[、])/, (m) => (/[lI]/.test(m[2] as string) ? 1 : Number(m[2]))],
  ['arabic-dot', /^((\d{1,2})[.．])(?![\d%％])\s*/, (m) => Number(m[2])],
  ['arabic-paren', /^([（(](\d{1,2})[)）])/, (m) => Number(m[2])],
  ['circled', /^([①-⑳])/, (m) => (m[1] as string).charCodeAt(0) - 0x2460 + 1],
];

/** Reads the clause marker at the start of `line`, if there is one. */
export function readMarker(line: string): Marker | null {
  const heading = /^(#{1,6})\s+(.*)$/.exec(line);
  if (heading) {
    const inner = readMarker(heading[2] as string);
    if (inner) return inner;
    const level = (heading[1] as string).length as 1 | 2 | 3 | 4 | 5 | 6;
    return { scheme: `md-${level}`, number: '', ordinal: 0, rest: (heading[2] as string).trim() };
  }
  for (const [scheme, re, ordinal] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length).trim();
    // "1.5%的商品" or "2023年" are not markers; a marker is followed by words.
    if (rest === '' && scheme !== 'cn-dun') continue;
    return { scheme, number: (m[1] as string).trim(), ordinal: ordinal(m), rest };
  }
  return null;
}
