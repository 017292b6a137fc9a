import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../electron/core/pdf/format-date';
import type { LaidAtom, Line, WidthOf } from '../../../../electron/core/pdf/laid-line';
import { justify, layoutParagraph, toAtoms } from '../../../../electron/core/pdf/laid-line';
import { closingLines, layoutClosing } from '../../../../electron/core/pdf/layout-closing';
import { BODY, CHAR, CHARS_PER_LINE, EM_INDENT, GRID_TRACKING, LEFT, LINES_PER_PAGE, PITCH, TITLE, TYPE_HEIGHT, TYPE_WIDTH } from '../../../../electron/core/pdf/page-geometry';
import { paginate } from '../../../../electron/core/pdf/paginate';
import { A4, mm } from '../../../../electron/core/pdf/pdf-units';
import { pledgeParagraphs } from '../../../../electron/core/pdf/pledge-paragraphs';
import { parseTemplateText } from '../../../../electron/core/template/parse-template-text';

/** Fixed-pitch measure: Han and full-width marks one em, ASCII half an em (LXGW's Latin is about that). */
const widthOf: WidthOf = (text, size) => [...text].reduce((w, c) => w + ((c.codePointAt(0) as number) < 0x2e80 ? size / 2 : size), 0);
const lineText = (line: Line): string => line.atoms.map((a) => a.text).join('');
const lineWidth = (line: Line): number => line.atoms.reduce((s, a) => s + a.width, 0);

describe('page geometry after GB/T 9704-2012', () => {
  it('has the type area 156 × 225 mm at 28 mm from the left and 37 mm from the top of an A4 page', () => {
    expect(A4.width).toBeCloseTo(595.28, 1);
    expect(A4.height).toBeCloseTo(841.89, 1);
    expect(LEFT).toBeCloseTo(mm(28), 6);
    expect(TYPE_WIDTH).toBeCloseTo(442.2, 1);
    expect(TYPE_HEIGHT).toBeCloseTo(637.8, 1);
    // Centred: the right margin is 26 mm and the bottom 35 mm.
    expect(A4.width - LEFT - TYPE_WIDTH).toBeCloseTo(mm(26), 6);
  });

  it('sets 22 lines of 28 characters of 16 pt on a fixed pitch', () => {
    expect(BODY).toBe(16);
    expect(TITLE).toBe(22);
    expect(PITCH * LINES_PER_PAGE).toBeCloseTo(TYPE_HEIGHT, 6);
    expect(PITCH).toBeCloseTo(28.99, 2);
    expect(CHAR * CHARS_PER_LINE).toBeCloseTo(TYPE_WIDTH, 6);
    expect(BODY + GRID_TRACKING).toBeCloseTo(CHAR, 6);
    expect(EM_INDENT).toBeCloseTo(2 * CHAR, 6);
  });
});

describe('layoutParagraph: grid, indent, justification, balanced title', () => {
  const clause = (text: string): Line[] => layoutParagraph({ role: 'clause', segments: [{ kind: 'text', text }] }, widthOf);

  it('puts exactly 28 Han characters on a full line, 26 on the indented first line', () => {
    const lines = clause('承'.repeat(100));
    expect(lines.map((l) => [...lineText(l)].length)).toEqual([26, 28, 28, 18]);
    expect(lines[0]?.x).toBeCloseTo(LEFT + EM_INDENT, 6);
    expect(lines[1]?.x).toBeCloseTo(LEFT, 6);
    lines.forEach((l) => expect(l.height).toBe(PITCH));
  });

  it('justifies a line shortened by kinsoku to the full measure, and never the last line', () => {
    // 25 characters then "，": the comma may not start line 2, so "五，" moves down and line 1 has 25 of 26.
    const lines = clause(`${'承'.repeat(25)}五，${'诺'.repeat(10)}`);
    const first = lines[0] as Line;
    expect([...lineText(first)].length).toBe(25);
    const stretch = first.stretch ?? 0;
    expect(stretch).toBeGreaterThan(0);
    // Glyph n's left edge + its advance = the right edge of the type area.
    const drawn = lineWidth(first) + (first.atoms.length - 1) * stretch;
    expect(first.x + drawn).toBeCloseTo(LEFT + TYPE_WIDTH, 6);
    expect(lines.at(-1)?.stretch ?? 0).toBe(0);
  });

  it('leaves a line ragged rather than open gaps wider than a quarter em', () => {
    const atoms = toAtoms([{ kind: 'text', text: '一二三' }], BODY, widthOf, GRID_TRACKING);
    expect(justify(atoms, TYPE_WIDTH, BODY)).toBe(0);
    expect(justify(atoms.slice(0, 1), TYPE_WIDTH, BODY)).toBe(0);
  });

  it('centres the title in 22 pt and balances a long one over two lines', () => {
    const title = '网络交易平台入驻商家经营服务保障与消费者权益保护承诺书';
    const lines = layoutParagraph({ role: 'title', segments: [{ kind: 'text', text: title, face: 'heading' }] }, widthOf);
    const text = lines.filter((l) => l.atoms.length > 0);
    expect(text.map(lineText).join('')).toBe(title);
    expect(text).toHaveLength(2);
    const [a, b] = text.map((l) => [...lineText(l)].length) as [number, number];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    for (const line of text) {
      expect(line.size).toBe(TITLE);
      expect(line.x - LEFT).toBeCloseTo(LEFT + TYPE_WIDTH - (line.x + lineWidth(line)), 6);
    }
    // One empty grid line follows the title.
    expect(lines.at(-1)).toMatchObject({ atoms: [], height: PITCH });
  });
});

describe('pledgeParagraphs: faces of headings', () => {
  const template = parseTemplateText(
    't',
    ['承诺书', '一、经营资质', '1.1在首页公示资质。', '二、质量', '（一）每季度抽检。', '承诺人签名：____', '日期：____'].join('\n'),
  );

  it('sets the title and 一、 headings in the heading face, clauses and （一） in the body face', () => {
    const paragraphs = pledgeParagraphs(template, {});
    const faces = paragraphs.map((p) => p.segments.map((s) => (s.kind === 'text' ? `${s.face ?? 'body'}:${s.text}` : s.kind)).join(' '));
    expect(faces).toEqual(['heading:承诺书', 'heading:一、 heading:经营资质', 'body:1.1  body:在首页公示资质。', 'heading:二、 heading:质量', 'body:（一） body:每季度抽检。']);
  });

  it('starts a 第一条 article with its label in the heading face and the article text in the body face', () => {
    const articles = parseTemplateText('a', ['售后服务承诺书', '第一条 服务范围。本承诺适用于全部商品。', '第二条 退货。支持七日无理由退货。', '承诺人签名：____'].join('\n'));
    const [, first] = pledgeParagraphs(articles, {});
    expect(first?.role).toBe('clause');
    expect(first?.segments[0]).toEqual({ kind: 'text', text: '第一条', face: 'heading' });
    expect(first?.segments.slice(1).every((s) => s.kind !== 'text' || (s.face ?? 'body') === 'body')).toBe(true);
  });
});

describe('closing block: date format and GB/T placement', () => {
  const template = parseTemplateText('t', ['承诺书', '一、总则', '1.1遵守规定。', '承诺人签名：____', '签订日期：____'].join('\n'));
  const signer = { type: '个人' as const, name: '张三' };

  it('writes the date as 2026年11月28日 by default and 2026-11-28 in iso', () => {
    expect(formatDate('2026-11-28')).toBe('2026年11月28日');
    expect(formatDate('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatDate('2026-11-28', 'iso')).toBe('2026-11-28');
    const text = (format: 'zh' | 'iso'): string[] =>
      closingLines(template, {}, signer, '2026-11-28', format).map((l) => l.segments.map((s) => (s.kind === 'box' ? '' : s.text)).join(''));
    expect(text('zh')).toEqual(['承诺人：张三', '承诺人签名：', '签订日期：2026年11月28日']);
    expect(text('iso')).toEqual(['承诺人：张三', '承诺人签名：', '签订日期：2026-11-28']);
  });

  it('ends the date four characters short of the right margin; the signer line above starts where the date starts', () => {
    const closing = closingLines(template, {}, signer, '2026-11-28', 'zh');
    const block = layoutClosing(closing, {}, widthOf);
    const date = block.lines[block.dateLine] as Line;
    expect(date.x + lineWidth(date)).toBeCloseTo(LEFT + TYPE_WIDTH - 4 * CHAR, 6);
    for (const line of block.lines) expect(line.x).toBe(date.x);
    expect(lineText(block.lines[block.signerLine] as Line)).toBe('承诺人：张三');
    // The seal is centred between the middle of "张三" and the middle of "2026年11月28日" (labels excluded).
    const nameMiddle = date.x + widthOf('承诺人：', BODY, 'body') + GRID_TRACKING * 4 + widthOf('张三', BODY, 'body') / 2 + GRID_TRACKING;
    const dateMiddle = date.x + widthOf('签订日期：', BODY, 'body') + GRID_TRACKING * 5 + (widthOf('2026年11月28日', BODY, 'body') + GRID_TRACKING * 11) / 2;
    expect(block.sealCentreX).toBeCloseTo((nameMiddle + dateMiddle) / 2, 6);
  });

  it('moves the whole block left when the organisation line is longer than the room right of the date', () => {
    const org = { ...signer, organisation: '杭州某某某某某某电子商务贸易有限公司' };
    const block = layoutClosing(closingLines(template, {}, org, '2026-11-28', 'zh'), {}, widthOf);
    const longest = Math.max(...block.lines.map((l) => l.x + lineWidth(l)));
    expect(longest).toBeCloseTo(LEFT + TYPE_WIDTH, 6);
    expect(new Set(block.lines.map((l) => l.x)).size).toBe(1);
  });
});

describe('paginate', () => {
  const line = (text: string, extra: Partial<Line> = {}): Line => ({
    atoms: text ? [{ text, width: 10, segment: 'text', face: 'body' } as LaidAtom] : [],
    x: LEFT,
    size: BODY,
    height: PITCH,
    tracking: 0,
    ...extra,
  });

  it('fills 22 grid lines a page', () => {
    const { pages } = paginate(Array.from({ length: 50 }, (_, i) => line(`L${i}`)));
    expect(pages.map((p) => p.length)).toEqual([22, 22, 6]);
  });

  it('moves a heading that would end a page to the next page, with its first line', () => {
    const body = [...Array.from({ length: 21 }, (_, i) => line(`L${i}`)), line('H', { keepWithNext: true }), line('after')];
    const { pages } = paginate(body);
    expect(pages[0]?.map(lineText).at(-1)).toBe('L20');
    expect(pages[1]?.map(lineText)).toEqual(['H', 'after']);
  });

  it('does not start a page with an empty line, nor open a page for one', () => {
    const { pages } = paginate([...Array.from({ length: 22 }, (_, i) => line(`L${i}`)), line(''), line('next')]);
    expect(pages.map((p) => p.map(lineText))).toEqual([Array.from({ length: 22 }, (_, i) => `L${i}`), ['next']]);
  });

  it('carries text to the closing page even when the page before ends full with an empty line pending', () => {
    const body = [...Array.from({ length: 22 }, (_, i) => line(`L${i}`)), line('')];
    const { pages, closingStart } = paginate(body, [line('承诺人'), line('日期')]);
    expect(pages[1]?.map(lineText)).toEqual(['L20', 'L21', '承诺人', '日期']);
    expect(closingStart).toBe(2);
  });

  it('keeps the closing block together and carries the last two lines of text with it to a new page', () => {
    const body = [...Array.from({ length: 20 }, (_, i) => line(`L${i}`)), line('')];
    const closing = [line('承诺人'), line('签名', { height: 2 * PITCH }), line('日期')];
    const { pages, closingStart } = paginate(body, closing);
    expect(pages).toHaveLength(2);
    expect(pages[1]?.map(lineText)).toEqual(['L18', 'L19', '', '承诺人', '签名', '日期']);
    expect(closingStart).toBe(3);
  });
});
