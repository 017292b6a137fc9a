import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateClause, ValueType } from '../../../../electron/shared/template';
import { parseTemplateText } from '../../../../electron/core/template/parse-template-text';
import { RESOURCES_DIR } from '../../../support/paths';
import { fieldsOf, invariantViolations, show } from './import/template-checks';

const TEMPLATES_DIR = join(RESOURCES_DIR, 'templates');
const FILES = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.txt')).sort();
const source = (file: string): string => readFileSync(join(TEMPLATES_DIR, file), 'utf8');
const parse = (file: string): Template => parseTemplateText(file.replace(/\.txt$/, ''), source(file));

/** The unit → value type table of issue 3, written out here independently of infer-field.ts. */
const UNIT_TYPES: Record<string, ValueType> = {
  '%': 'percent',
  次: 'integer',
  起: 'integer',
  人: 'integer',
  家: 'integer',
  小时: 'duration',
  分钟: 'duration',
  个工作日: 'duration',
  工作日: 'duration',
  天: 'duration',
  日: 'duration',
  年: 'duration',
  元: 'money',
  万元: 'money',
};

interface Expected {
  signatures: RegExp[];
  dates: string[];
  choice?: { label: string; options: string[]; otherOption?: string };
  phone?: boolean;
}

/** What each built-in must offer the signer, beyond the blanks of its clauses. */
const EXPECTED: Record<string, Expected> = {
  'ecommerce-service': { signatures: [/^承诺人签名$/], dates: ['签订日期'], choice: { label: '承诺方类型', options: ['企业', '个人', '其他'], otherOption: '其他' } },
  'product-quality': { signatures: [/^承诺人签名$/], dates: ['签订日期'], choice: { label: '承诺方类型', options: ['生产企业', '销售企业', '其他'], otherOption: '其他' } },
  'information-security': { signatures: [/^承诺人签名$/, /^法定代表人签字$/, /公章/], dates: ['签订日期'], phone: true },
  'integrity-anti-fraud': { signatures: [/^承诺人签名$/], dates: ['签订日期'], phone: true },
  'food-safety': {
    signatures: [/^承诺人签名$/],
    dates: ['签订日期'],
    choice: { label: '经营类型', options: ['食品销售', '餐饮服务', '网络食品经营', '其他'], otherOption: '其他' },
  },
  'pricing-honesty': { signatures: [/^承诺人签名$/], dates: ['签订日期'] },
  'after-sales-service': { signatures: [/^承诺人（盖章）$/, /^负责人签字$/], dates: ['日期'] },
};

const hanCount = (text: string): number => [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;

function depth(clauses: TemplateClause[]): number {
  return clauses.length === 0 ? 0 : 1 + Math.max(...clauses.map((c) => depth(c.children)));
}

describe('built-in templates (resources/templates/*.txt)', () => {
  it('are the seven templates of issue 3', () => {
    expect(FILES.map((f) => f.replace(/\.txt$/, ''))).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(FILES)('%s', (file) => {
    const id = file.replace(/\.txt$/, '');
    const text = source(file);
    const template = parse(file);
    const expected = EXPECTED[id] as Expected;

    it('parses without warnings, keeps its title and has at least 3 sections', () => {
      expect(template.warnings).toEqual([]);
      expect(template.id).toBe(id);
      const title = text.split('\n')[0] as string;
      expect(title).toMatch(/承诺书$/);
      expect(template.title).toBe(title);
      expect(template.sections.length).toBeGreaterThanOrEqual(3);
    });

    it('satisfies the template invariants (unique ids, placeholders ↔ fields 1:1 in document order, version = content hash)', () => {
      expect(invariantViolations(template)).toEqual([]);
    });

    it('has exactly the expected signature, date and choice fields', () => {
      const signatures = fieldsOf(template, 'signature').map((f) => f.label);
      expect(signatures).toHaveLength(expected.signatures.length);
      expected.signatures.forEach((re, i) => expect(signatures[i]).toMatch(re));
      expect(fieldsOf(template, 'date').map((f) => f.label)).toEqual(expected.dates);
      for (const f of [...fieldsOf(template, 'signature'), ...fieldsOf(template, 'date')]) {
        expect(template.closing.fields, `${f.label} is in the closing block`).toContain(f.id);
      }
      const choices = fieldsOf(template, 'choice');
      if (expected.choice) {
        expect(choices).toHaveLength(1);
        expect(choices[0]).toMatchObject(expected.choice);
        expect(template.preamble.fields).toContain(choices[0]?.id);
      } else {
        expect(choices).toEqual([]);
      }
    });

    it('gives every blank a unit with its value type, or a sensible value type without one', () => {
      const blanks = fieldsOf(template, 'blank');
      expect(blanks.length).toBeGreaterThanOrEqual(8);
      for (const f of blanks) {
        expect(f.label, f.id).not.toBe('');
        if (f.unit !== undefined) {
          expect(UNIT_TYPES[f.unit], `${f.id} unit ${f.unit}`).toBeDefined();
          expect(f.valueType, `${f.id} ${f.label}`).toBe(UNIT_TYPES[f.unit]);
        } else if (/联系电话/.test(f.label)) {
          expect(f.valueType).toBe('phone');
          expect(template.closing.fields).toContain(f.id);
        } else {
          // The only unit-less blank in a clause or preamble is the platform's name.
          expect(f.label, f.id).toContain('＿平台');
          expect(f.valueType).toBe('text');
        }
      }
      const phones = blanks.filter((f) => f.valueType === 'phone');
      expect(phones).toHaveLength(expected.phone ? 1 : 0);
    });

    it('keeps the wording of every clause (placeholders back to blanks, the text is in the source)', () => {
      const blankOf = (t: string): string => show(t, template).replace(/\{blank\}/g, '__________');
      const walk = (c: TemplateClause): void => {
        expect(text, `${c.number}`).toContain(`${c.number}${blankOf(c.text)}`);
        c.children.forEach(walk);
      };
      for (const s of template.sections) {
        if (s.heading) expect(text).toContain(`${s.number}${s.heading}`);
        if (s.text) expect(text).toContain(blankOf(s.text));
        s.clauses.forEach(walk);
      }
    });

    it('is parsed the same way every time, and any edit makes a new version', () => {
      expect(parse(file)).toEqual(template);
      const edited = parseTemplateText(id, text.replace('。', '；'));
      expect(edited.version).not.toBe(template.version);
    });
  });

  it('new templates hold 800–1,600 Han characters', () => {
    for (const file of FILES.filter((f) => f !== 'ecommerce-service.txt')) {
      const n = hanCount(source(file));
      expect(n, file).toBeGreaterThanOrEqual(800);
      expect(n, file).toBeLessThanOrEqual(1600);
    }
  });

  it('use only characters the bundled PDF font can draw', () => {
    const font = fontkit.create(readFileSync(join(RESOURCES_DIR, 'fonts', 'LXGWWenKai-Regular.ttf')));
    for (const file of FILES) {
      const missing = [...new Set(source(file))].filter((c) => c > ' ' && !font.hasGlyphForCodePoint(c.codePointAt(0) as number));
      expect(missing, file).toEqual([]);
    }
  });

  it('together cover the units and numbering styles of real pledges', () => {
    const templates = FILES.map(parse);
    const units = new Set(templates.flatMap((t) => t.fields.map((f) => f.unit)).filter((u) => u !== undefined));
    for (const unit of ['%', '次', '小时', '分钟', '个工作日', '天', '元', '万元', '年', '人']) expect(units, unit).toContain(unit);
    // 1.1.1 depth, （一） sub-items, "1、" body-text items, 第一条 articles, clause ten and beyond.
    expect(templates.some((t) => t.sections.some((s) => depth(s.clauses) >= 2))).toBe(true);
    expect(templates.some((t) => t.sections.some((s) => s.clauses.some((c) => c.number === '（一）')))).toBe(true);
    const bodyOnly = (t: Template, re: RegExp): boolean => t.sections.length >= 3 && t.sections.every((s) => re.test(s.number) && s.clauses.length === 0 && s.text !== '');
    expect(templates.some((t) => bodyOnly(t, /^\d+、$/))).toBe(true);
    expect(templates.some((t) => bodyOnly(t, /^第[一二三四五六七八九十]+条$/))).toBe(true);
    expect(templates.flatMap((t) => t.sections.map((s) => s.number))).toEqual(expect.arrayContaining(['10、', '第十条', '第十二条']));
  });
});
