import { describe, expect, it } from 'vitest';
import type { Atom } from '../../../../electron/core/pdf/break-lines';
import { NO_LINE_END, NO_LINE_START, balanceLines, breakLines } from '../../../../electron/core/pdf/break-lines';
import type { LaidAtom, WidthOf } from '../../../../electron/core/pdf/laid-line';
import { toAtoms } from '../../../../electron/core/pdf/laid-line';
import type { Segment } from '../../../../electron/core/pdf/pledge-paragraphs';
import { lcg, pick, randomInt } from '../../../support/lcg';

const EM = 16;
const HAN = [...'承诺书经营服务保障消费者合法权益平台商品质量售后信息安全违约责任自愿接受监督规范店铺行为'];
const CLOSING = [...'，。、；：？！）》」'];
const OPENING = [...'（《「'];

const han = (text: string): Atom[] => [...text].map((c) => ({ text: c, width: EM }));
const texts = (lines: Atom[][]): string[] => lines.map((l) => l.map((a) => a.text).join(''));
const widthOf = (line: Atom[]): number => line.reduce((s, a) => s + a.width, 0);

/** Independent statement of the rule: is a break allowed just before atoms[index]? */
function breakAllowedBefore(atoms: readonly Atom[], index: number): boolean {
  const atom = atoms[index] as Atom;
  const previous = atoms[index - 1] as Atom;
  if (atom.glue) return false;
  if (CLOSING.includes([...atom.text][0] as string)) return false;
  return !OPENING.includes([...previous.text].at(-1) as string);
}

/**
 * A random pledge-like run: Han characters, closing punctuation after them (runs of 1–2), an opening
 * bracket before them, Latin numbers with a glued unit, and now and then an atom wider than any line.
 * It never starts with closing punctuation, never ends with an opening one, and never puts punctuation
 * right after an over-wide atom (those cases cannot be satisfied by any break).
 */
function randomAtoms(next: () => number, count: number, measure: number): Atom[] {
  const atoms: Atom[] = [];
  while (atoms.length < count) {
    const roll = next();
    if (roll < 0.08) atoms.push({ text: pick(next, OPENING), width: EM });
    if (roll > 0.97 && atoms.length > 0 && !OPENING.includes(atoms.at(-1)?.text as string)) {
      atoms.push({ text: 'W'.repeat(randomInt(next, 20, 40)), width: measure + randomInt(next, 1, 200) });
    }
    if (roll > 0.85 && roll <= 0.97) {
      atoms.push({ text: String(randomInt(next, 1, 99999)), width: randomInt(next, 8, 40) });
      atoms.push({ text: pick(next, ['元', '%', '次', '年']), width: EM, glue: true });
    } else {
      atoms.push({ text: pick(next, HAN), width: EM });
    }
    const punct = next();
    if (punct < 0.15) atoms.push({ text: pick(next, CLOSING), width: EM });
    if (punct < 0.03) atoms.push({ text: pick(next, CLOSING), width: EM });
  }
  return atoms;
}

describe('breakLines: kinsoku and measure over random pledge text (seeded)', () => {
  const CASES = 400;

  it(`holds every rule for ${CASES} random paragraphs`, () => {
    const next = lcg(20261128);
    let totalLines = 0;
    let pushOuts = 0;
    for (let n = 0; n < CASES; n++) {
      const width = EM * randomInt(next, 5, 20) + randomInt(next, 0, 15);
      const firstWidth = width - randomInt(next, 0, 3) * EM;
      const atoms = randomAtoms(next, randomInt(next, 1, 160), width);
      const lines = breakLines(atoms, firstWidth, width);
      const context = `case ${n}: ${texts(lines).join(' | ')}`;

      // Every atom is kept, once, in order (no spaces in this text, so none are dropped).
      expect(lines.flat(), context).toEqual(atoms);
      expect(texts(lines).join(''), context).toBe(atoms.map((a) => a.text).join(''));

      let index = 0;
      lines.forEach((line, i) => {
        expect(line.length, context).toBeGreaterThan(0);
        const measure = i === 0 ? firstWidth : width;
        const first = line[0] as Atom;
        const last = line.at(-1) as Atom;
        if (line.length > 1 || first.width <= measure) {
          expect(widthOf(line), `${context} / line ${i} too wide`).toBeLessThanOrEqual(measure + 1e-6);
        }
        if (i > 0) {
          expect(CLOSING.includes([...first.text][0] as string), `${context} / line ${i} starts with ${first.text}`).toBe(false);
          expect(first.glue === true, `${context} / line ${i} starts with glue ${first.text}`).toBe(false);
        }
        if (i < lines.length - 1) {
          expect(OPENING.includes([...last.text].at(-1) as string), `${context} / line ${i} ends with ${last.text}`).toBe(false);
          // The break is the latest allowed one that fits: every later break that would fit is forbidden.
          const end = index + line.length;
          let used = widthOf(line);
          for (let k = end; k < atoms.length && used + (atoms[k] as Atom).width <= measure + 1e-6; k++) {
            used += (atoms[k] as Atom).width;
            if (k + 1 < atoms.length) {
              expect(breakAllowedBefore(atoms, k + 1), `${context} / line ${i} broke early before ${atoms[end]?.text}`).toBe(false);
            }
          }
          if (widthOf(line) + (atoms[end] as Atom).width <= measure + 1e-6) pushOuts++;
        }
        index += line.length;
      });
      totalLines += lines.length;
    }
    // The generator really exercised multi-line paragraphs and push-out, not just one-liners.
    expect(totalLines).toBeGreaterThan(CASES * 3);
    expect(pushOuts).toBeGreaterThan(50);
  });
});

describe('breakLines: specific cases', () => {
  it('returns no lines for no atoms', () => {
    expect(breakLines([], 100, 100)).toEqual([]);
  });

  it('fills greedily: 12 Han characters at 5 per line', () => {
    expect(texts(breakLines(han('一二三四五六七八九十百千'), 5 * EM, 5 * EM))).toEqual(['一二三四五', '六七八九十', '百千']);
  });

  it('honours a narrower first line (the paragraph indent)', () => {
    const lines = breakLines(han('一二三四五六七八九十百千'), 3 * EM, 5 * EM);
    expect(texts(lines)).toEqual(['一二三', '四五六七八', '九十百千']);
  });

  it('accepts a line that fits within floating-point error', () => {
    const atoms = [0.1, 0.1, 0.1].map((width) => ({ text: 'x', width }));
    expect(breakLines(atoms, 0.3, 0.3)).toHaveLength(1);
  });

  it('pushes the previous character down rather than start a line with ，', () => {
    expect(texts(breakLines(han('一二三四五，六七'), 5 * EM, 5 * EM))).toEqual(['一二三四', '五，六七']);
  });

  it.each([...'，。、；：？！）》」'])('never starts a line with %s', (mark) => {
    const lines = texts(breakLines(han(`一二三四五${mark}六七八`), 5 * EM, 5 * EM));
    expect(lines.slice(1).every((l) => !l.startsWith(mark))).toBe(true);
    expect(lines.join('')).toBe(`一二三四五${mark}六七八`);
  });

  it('pushes back over a run of two closing marks', () => {
    expect(texts(breakLines(han('一二三四五）。六'), 5 * EM, 5 * EM))).toEqual(['一二三四', '五）。六']);
  });

  it.each([...'（《「'])('never ends a line with %s', (mark) => {
    const lines = texts(breakLines(han(`一二三四${mark}五六七`), 5 * EM, 5 * EM));
    expect(lines).toEqual(['一二三四', `${mark}五六七`]);
  });

  it('keeps a glued unit with its number', () => {
    const atoms: Atom[] = [...han('一二三'), { text: '30', width: EM }, { text: '%', width: EM, glue: true }, ...han('四五')];
    expect(texts(breakLines(atoms, 4 * EM, 4 * EM))).toEqual(['一二三', '30%四五']);
  });

  it('keeps a glue chain (value, unit, closing mark) together', () => {
    const atoms: Atom[] = [
      ...han('一二'),
      { text: '12', width: EM },
      { text: '元', width: EM, glue: true },
      { text: '。', width: EM },
      ...han('三'),
    ];
    expect(texts(breakLines(atoms, 4 * EM, 4 * EM))).toEqual(['一二', '12元。三']);
  });

  it('places an over-wide atom alone on its own line', () => {
    const atoms: Atom[] = [...han('一二'), { text: 'https://example.com/very/long', width: 20 * EM }, ...han('三四')];
    expect(texts(breakLines(atoms, 5 * EM, 5 * EM))).toEqual(['一二', 'https://example.com/very/long', '三四']);
  });

  it('places an over-wide first atom alone too (no empty line before it)', () => {
    const atoms: Atom[] = [{ text: 'WIDE', width: 9 * EM }, ...han('一二')];
    expect(texts(breakLines(atoms, 5 * EM, 5 * EM))).toEqual(['WIDE', '一二']);
  });

  it('drops spaces at the start of a continued line, and only there', () => {
    const atoms: Atom[] = ['ab', ' ', 'cd', ' ', 'ef'].map((text) => ({ text, width: text === ' ' ? 4 : 20 }));
    // 'ab cd' fills 44 pt exactly: the space after it would start line 2 and is dropped.
    expect(texts(breakLines(atoms, 44, 44))).toEqual(['ab cd', 'ef']);
    // At 48 pt the space fits on line 1 and is kept.
    expect(texts(breakLines(atoms, 48, 48))).toEqual(['ab cd ', 'ef']);
  });

  it('documents its rule sets: the brief’s marks are all covered', () => {
    for (const mark of CLOSING) expect(NO_LINE_START.has(mark)).toBe(true);
    for (const mark of OPENING) expect(NO_LINE_END.has(mark)).toBe(true);
  });
});

/** Fixed-pitch measure for the tests: Han and full-width marks one em, ASCII half an em. */
const measure: WidthOf = (text, size) => [...text].reduce((w, c) => w + (c.codePointAt(0)! < 0x2e80 ? size / 2 : size), 0);
const atomsOf = (segments: Segment[], size = EM): LaidAtom[] => toAtoms(segments, size, measure, 0);
const plain = (text: string): Segment[] => [{ kind: 'text', text }];

describe('breakLines over composer atoms (toAtoms): units, words, astral characters, over-long runs', () => {
  it('keeps a filled number with the unit written after its blank ("10 %", "5 个工作日")', () => {
    for (const unit of ['%', '个工作日', '元', '小时', '年']) {
      const segments: Segment[] = [...plain('一二三四五六不少于'), { kind: 'value', text: '10' }, { kind: 'text', text: `${unit}的在售商品` }];
      const atoms = atomsOf(segments);
      for (let width = 6; width <= 16; width++) {
        const lines = texts(breakLines(atoms, width * EM, width * EM));
        const at = lines.findIndex((l) => l.includes(' 10 '));
        expect(lines[at]?.includes(` 10 ${[...unit][0]}`), `${unit} at ${width} em: ${lines.join(' | ')}`).toBe(true);
      }
    }
  });

  it('keeps a number typed in the text with its unit ("7个工作日", "1.5%")', () => {
    const atoms = atomsOf(plain('设立用户投诉快速处理通道，7个工作日内完成核实，抽检1.5%商品'));
    for (let width = 4; width <= 20; width++) {
      const lines = texts(breakLines(atoms, width * EM, width * EM));
      expect(lines.every((l) => !/^[个%]/.test(l)), `${width} em: ${lines.join(' | ')}`).toBe(true);
      expect(lines.join('')).toContain('1.5%');
      expect(lines.some((l) => l.includes('1.5%')), `${width} em: 1.5% split`).toBe(true);
    }
  });

  it('never splits a Latin word or a number that fits on a line', () => {
    const atoms = atomsOf(plain('本店在Taobao与JD.com平台经营，客服电话400-050-0827，支持7×24小时服务'));
    for (let width = 7; width <= 24; width++) {
      const lines = texts(breakLines(atoms, width * EM, width * EM));
      const joined = lines.join('|');
      for (const word of ['Taobao', 'JD.com', '400-050-0827']) expect(joined, `${width} em`).toContain(word);
    }
  });

  it('treats an astral character (U+20BB7 𠮷) as one atom and never splits its surrogate pair', () => {
    const atoms = atomsOf(plain('承诺人𠮷𠮷𠮷王𠮷明𠮷签字确认'));
    expect(atoms.map((a) => a.text)).toContain('𠮷');
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(atoms.every((a) => !loneSurrogate.test(a.text))).toBe(true);
    for (let width = 2; width <= 8; width++) {
      for (const line of texts(breakLines(atoms, width * EM, width * EM))) expect(loneSurrogate.test(line), `${width} em: ${line}`).toBe(false);
    }
  });

  it('breaks a run longer than a line (a URL) between its characters, filling each line, no line starting with . / :', () => {
    const url = 'https://shop.example.com/policies/after-sales/returns-and-refunds-2026.html';
    const atoms = atomsOf(plain(`说明地址为${url}，长期有效。`));
    const width = 20 * EM;
    const lines = texts(breakLines(atoms, width, width));
    expect(lines.join('')).toBe(`说明地址为${url}，长期有效。`);
    expect(lines.length).toBeGreaterThan(2);
    lines.slice(1).forEach((l) => expect(NO_LINE_START.has([...l][0] as string), l).toBe(false));
    // Every line but the last is full to within one character: the URL starts on the first line.
    lines.slice(0, -1).forEach((l) => expect(measure(l, EM, 'body')).toBeGreaterThan(width - 2 * EM));
  });

  it('a run longer than a line made only of no-start characters still comes out whole (forced break)', () => {
    const atoms = atomsOf(plain(`一${'.'.repeat(80)}二`));
    const lines = texts(breakLines(atoms, 10 * EM, 10 * EM));
    expect(lines.join('')).toBe(`一${'.'.repeat(80)}二`);
  });
});

describe('balanceLines: long titles in lines of about equal length', () => {
  it('leaves a title that fits on one line alone', () => {
    expect(texts(balanceLines(han('承诺书'), 20 * EM))).toEqual(['承诺书']);
  });

  it('splits a 24-character title over a 20-character measure 12 + 12, not 20 + 4', () => {
    const title = '网络交易平台入驻商家经营服务保障与消费者权益';
    expect(texts(breakLines(han(title), 20 * EM, 20 * EM)).map((l) => [...l].length)).toEqual([20, title.length - 20]);
    const lengths = texts(balanceLines(han(title), 20 * EM)).map((l) => [...l].length);
    expect(lengths.length).toBe(2);
    expect(Math.abs((lengths[0] as number) - (lengths[1] as number))).toBeLessThanOrEqual(1);
    expect(lengths[0]).toBeGreaterThanOrEqual(lengths[1] as number);
  });

  it('keeps kinsoku while balancing (no line starts with a closing mark)', () => {
    const title = '关于（网络交易平台）入驻商家经营服务保障与消费者权益保护的承诺书，特此承诺';
    for (let width = 8; width <= 30; width++) {
      const lines = texts(balanceLines(han(title), width * EM));
      expect(lines.join('')).toBe(title);
      lines.slice(1).forEach((l) => expect(CLOSING.includes([...l][0] as string), l).toBe(false));
      expect(lines.length).toBe(texts(breakLines(han(title), width * EM, width * EM)).length);
    }
  });
});
