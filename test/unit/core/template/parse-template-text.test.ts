import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateBlock, TemplateClause, TemplateField } from '../../../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../../../electron/shared/template';
import { parseTemplateText } from '../../../../electron/core/template/parse-template-text';
import { BUILTIN_TEMPLATE_PATH } from '../../../support/paths';

const SOURCE = readFileSync(BUILTIN_TEMPLATE_PATH, 'utf8');
const builtin = (): Template => parseTemplateText('ecommerce-service', SOURCE);

const placeholders = (text: string): string[] => [...text.matchAll(FIELD_PLACEHOLDER)].map((m) => m[1] as string);
const flatClauses = (t: Template): TemplateClause[] => {
  const out: TemplateClause[] = [];
  const walk = (c: TemplateClause): void => {
    out.push(c);
    c.children.forEach(walk);
  };
  t.sections.forEach((s) => s.clauses.forEach(walk));
  return out;
};
/** Every text block of a template in reading order, with its own `fields` list. */
const blocks = (t: Template): Array<{ where: string; text: string; fields: string[] }> => [
  { where: 'preamble', ...t.preamble },
  ...t.sections.flatMap((s) => [
    { where: `${s.number} heading+text`, text: `${s.heading}\n${s.text}`, fields: s.fields },
    ...(function* walk(cs: TemplateClause[]): Generator<{ where: string; text: string; fields: string[] }> {
      for (const c of cs) {
        yield { where: c.number, text: c.text, fields: c.fields };
        yield* walk(c.children);
      }
    })(s.clauses),
  ]),
  { where: 'closing', ...(t.closing as TemplateBlock) },
];
const fieldById = (t: Template, id: string): TemplateField => {
  const f = t.fields.find((x) => x.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};

describe('parseTemplateText: the built-in e-commerce pledge', () => {
  const t = builtin();

  it('reads the title and five sections 一、…五、 with their headings', () => {
    expect(t.id).toBe('ecommerce-service');
    expect(t.title).toBe('网店经营服务保障承诺书');
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(t.sections.map((s) => s.heading)).toEqual([
      '经营资质与信息公示',
      '商品质量保障',
      '售后服务与投诉处理',
      '信息安全与保密',
      '违约责任',
    ]);
    expect(t.sections.every((s) => s.text === '' && s.fields.length === 0)).toBe(true);
  });

  it('reads clauses 1.1…5.2 in order, each under its own section, none nested', () => {
    expect(flatClauses(t).map((c) => c.number)).toEqual([
      '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '5.1', '5.2',
    ]);
    t.sections.forEach((s, i) => {
      expect(s.clauses.every((c) => c.number.startsWith(`${i + 1}.`) && c.children.length === 0)).toBe(true);
    });
    // The marker is not repeated in the text.
    expect(flatClauses(t).find((c) => c.number === '1.2')?.text).toBe('如实描述商品的名称、规格、产地、价格及售后政策，不作虚假或者引人误解的宣传。');
  });

  it('reads the signer-type choice group: 企业/个人/其他 with 其他 carrying the free text', () => {
    const choice = t.fields[0] as TemplateField;
    expect(choice).toMatchObject({ kind: 'choice', options: ['企业', '个人', '其他'], otherOption: '其他', required: true });
    expect(choice.label).toBe('承诺方类型');
    expect(t.fields.filter((f) => f.kind === 'choice')).toHaveLength(1);
  });

  it('does not make the blank after 其他 a field of its own', () => {
    const [line1, line2] = t.preamble.text.split('\n');
    expect(line1).toBe(`承诺方类型：{{${t.fields[0]?.id}}}`);
    expect(placeholders(line1 as string)).toHaveLength(1);
    // The preamble's other field is the platform blank on the next line.
    expect(t.preamble.fields).toHaveLength(2);
    const platform = fieldById(t, t.preamble.fields[1] as string);
    expect(line2).toContain(`在{{${platform.id}}}平台上`);
    expect(platform).toMatchObject({ kind: 'blank', valueType: 'text' });
    expect(platform.unit).toBeUndefined();
  });

  it('gives every blank the unit written after it and the matching value type', () => {
    const TYPE_OF_UNIT: Record<string, string> = {
      '%': 'percent',
      小时: 'duration',
      个工作日: 'duration',
      年: 'duration',
      分钟: 'duration',
      次: 'integer',
      元: 'money',
    };
    const expectedUnits: Record<string, string[]> = {
      '1.1': ['个工作日'],
      '1.2': [],
      '1.3': [],
      '2.1': ['年'],
      '2.2': ['%'],
      '2.3': ['小时', '个工作日'],
      '3.1': ['个工作日'],
      '3.2': ['小时', '分钟'],
      '3.3': ['元'],
      '4.1': ['次'],
      '4.2': [],
      '5.1': ['元'],
      '5.2': ['年'],
    };
    for (const clause of flatClauses(t)) {
      const fields = clause.fields.map((id) => fieldById(t, id));
      expect(fields.map((f) => f.unit), clause.number).toEqual(expectedUnits[clause.number]);
      for (const f of fields) {
        expect(f.kind).toBe('blank');
        expect(f.valueType, `${f.id} ${f.unit}`).toBe(TYPE_OF_UNIT[f.unit as string]);
        // The unit really is the text right after the placeholder.
        expect(clause.text.split(`{{${f.id}}}`)[1]?.startsWith(f.unit as string)).toBe(true);
      }
    }
  });

  it('labels a blank with the words around it', () => {
    const percent = t.fields.find((f) => f.valueType === 'percent') as TemplateField;
    expect(percent.label).toContain('抽检不少于');
    expect(percent.label).toContain('＿');
  });

  it('has one signature and one date field, both in the closing block', () => {
    const signatures = t.fields.filter((f) => f.kind === 'signature');
    const dates = t.fields.filter((f) => f.kind === 'date');
    expect(signatures).toHaveLength(1);
    expect(dates).toHaveLength(1);
    expect(dates[0]?.valueType).toBe('date');
    expect(t.closing.fields).toEqual([signatures[0]?.id, dates[0]?.id]);
    expect(t.closing.text).toBe(`承诺人签名：{{${signatures[0]?.id}}}\n签订日期：{{${dates[0]?.id}}}`);
  });

  it('counts 16 fields, all required, with unique ids', () => {
    expect(t.fields).toHaveLength(16);
    expect(new Set(t.fields.map((f) => f.id)).size).toBe(16);
    expect(t.fields.every((f) => f.required)).toBe(true);
    expect(t.warnings).toEqual([]);
  });

  it('maps {{id}} placeholders 1:1 to fields, in document order, and each block lists its own', () => {
    const all = blocks(t).flatMap((b) => {
      expect(b.fields, b.where).toEqual(placeholders(b.text));
      return placeholders(b.text);
    });
    expect(all).toEqual(t.fields.map((f) => f.id));
    // No blank underscores survive in any text.
    expect(blocks(t).some((b) => /[_＿]{2,}/.test(b.text))).toBe(false);
  });

  it('gives the same version for the same text, also with a BOM and CRLF line ends', () => {
    expect(builtin().version).toBe(t.version);
    expect(t.version).toMatch(/^[0-9a-f]{64}$/);
    expect(parseTemplateText('ecommerce-service', `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`).version).toBe(t.version);
  });

  it('does not let the id change the version (the version hashes content only)', () => {
    expect(parseTemplateText('other-id', SOURCE).version).toBe(t.version);
  });

  it('changes the version when a clause’s text changes, even by one character', () => {
    const edited = parseTemplateText('ecommerce-service', SOURCE.replace('不先涨后降。', '不先涨后降！'));
    expect(edited.version).not.toBe(t.version);
    const unitChanged = parseTemplateText('ecommerce-service', SOURCE.replace('__________分钟', '__________小时'));
    expect(unitChanged.version).not.toBe(t.version);
  });

  it('keeps field ids when an unrelated clause changes or gains a blank', () => {
    const edited = parseTemplateText(
      'ecommerce-service',
      SOURCE.replace('1.2如实描述商品的名称', '1.2在__________天内如实描述商品的名称'),
    );
    const newIds = edited.fields.map((f) => f.id);
    for (const field of t.fields) {
      expect(newIds).toContain(field.id);
      expect(edited.fields.find((f) => f.id === field.id)).toEqual(field);
    }
    expect(edited.fields).toHaveLength(17);
    expect(edited.fields.find((f) => !t.fields.some((o) => o.id === f.id))).toMatchObject({ unit: '天', valueType: 'duration' });
  });
});

describe('parseTemplateText: small texts', () => {
  it('nests 1.1.1 under 1.1 and 1.1.1.1 under 1.1.1, then returns to the section for 1.2', () => {
    const t = parseTemplateText(
      'x',
      ['标题', '一、总则', '1.1 第一条', '1.1.1 第一条第一款', '1.1.1.1 细则', '1.1.2 第一条第二款', '1.2 第二条', '承诺人签名：____'].join('\n'),
    );
    const [c11, c12] = t.sections[0]?.clauses ?? [];
    expect(t.sections[0]?.clauses.map((c) => c.number)).toEqual(['1.1', '1.2']);
    expect(c11?.children.map((c) => c.number)).toEqual(['1.1.1', '1.1.2']);
    expect(c11?.children[0]?.children.map((c) => c.number)).toEqual(['1.1.1.1']);
    expect(c11?.children[0]?.text).toBe('第一条第一款');
    expect(c12?.children).toEqual([]);
  });

  it('gives nested clauses their own field ids and keeps document order across depths', () => {
    const t = parseTemplateText(
      'x',
      ['标题', '一、总则', '1.1 每年不少于____次', '1.1.1 每次不少于____小时', '1.2 赔偿____元', '承诺人签名：____', '日期：____'].join('\n'),
    );
    expect(t.fields.map((f) => [f.id, f.unit ?? f.kind])).toEqual([
      ['c1.1-1', '次'],
      ['c1.1.1-1', '小时'],
      ['c1.2-1', '元'],
      ['signature-1', 'signature'],
      ['date-1', 'date'],
    ]);
  });

  it('reads ____年____月____日 as one date field, not three blanks', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守规定。', '承诺人签名：____', '日期：____年____月____日'].join('\n'));
    const dates = t.fields.filter((f) => f.kind === 'date');
    expect(dates).toHaveLength(1);
    expect(t.fields).toHaveLength(2);
    expect(t.closing.text.split('\n')[1]).toBe(`日期：{{${dates[0]?.id}}}`);
    expect(dates[0]).toMatchObject({ valueType: 'date', required: true });
  });

  it('reads a date blank inside a clause as a date field', () => {
    const t = parseTemplateText('x', ['标题', '一、期限', '1.1 于____年____月____日前完成整改。', '承诺人签名：____', '日期：____'].join('\n'));
    expect(t.fields[0]).toMatchObject({ kind: 'date', valueType: 'date' });
    expect(t.sections[0]?.clauses[0]?.text).toBe(`于{{${t.fields[0]?.id}}}前完成整改。`);
  });

  it('makes a closing line "承诺人签名：" without a blank a signature field', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守规定。', '承诺人签名：', '签订日期：____'].join('\n'));
    const signature = t.fields.find((f) => f.kind === 'signature');
    expect(signature).toMatchObject({ label: '承诺人签名', required: true });
    expect(t.closing.text.split('\n')[0]).toBe(`承诺人签名：{{${signature?.id}}}`);
    expect(t.closing.fields).toContain(signature?.id);
    expect(t.warnings.map((w) => w.code)).not.toContain('no-signature-line');
  });

  it('accepts 签字 and 盖章 lines as signature fields', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守。', '承诺人（签字）：____', '承诺单位（盖章）：____', '日期：____'].join('\n'));
    expect(t.fields.filter((f) => f.kind === 'signature').map((f) => f.id)).toEqual(['signature-1', 'signature-2']);
    expect(t.sections[0]?.clauses[0]?.text).toBe('遵守。');
  });

  it('keeps placeholders and fields in document order when a label-only signature line precedes the date', () => {
    // BUG (extract-fields.ts): a label-only line gets its field in a second pass, after the date blank's, so
    // `closing.fields` and `fields` list the date before the signature although the text has them the other
    // way round; `Template.fields` is documented as "every field in document order".
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守规定。', '承诺人签名：', '日期：____年____月____日'].join('\n'));
    expect(t.closing.text).toBe('承诺人签名：{{signature-1}}\n日期：{{date-1}}');
    expect(t.closing.fields).toEqual(placeholders(t.closing.text));
    expect(t.fields.map((f) => f.id)).toEqual(['signature-1', 'date-1']);
    // The same pass runs on the preamble: an empty "联系电话：" line before a "身份证号码：____" line.
    const p = parseTemplateText('x', ['标题', '联系电话：', '身份证号码：________', '一、总则', '1.1 遵守。', '承诺人签名：____', '日期：____'].join('\n'));
    expect(p.preamble.fields).toEqual(placeholders(p.preamble.text));
  });

  it('puts a bare ____年____月____日 line after the signature into the closing block', () => {
    // A date line without the word 日期 still belongs to the closing block, not to the last clause.
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 每年不少于____次。', '承诺人（签字）：', '____年____月____日'].join('\n'));
    expect(t.sections[0]?.clauses[0]?.text).toBe('每年不少于{{c1.1-1}}次。');
    expect(t.sections[0]?.clauses[0]?.fields).toEqual(['c1.1-1']);
    const date = t.fields.find((f) => f.kind === 'date');
    expect(date).toBeDefined();
    expect(t.closing.fields).toContain(date?.id);
  });

  it('warns when there is no signature line and no date line, and adds the usual ones so it can be signed', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守规定。'].join('\n'));
    expect(t.warnings.map((w) => w.code).sort()).toEqual(['no-date-line', 'no-signature-line']);
    expect(t.fields.map((f) => f.kind)).toEqual(['signature', 'date']);
    expect(t.closing.fields).toEqual(placeholders(t.closing.text));
    expect(t.sections[0]?.clauses[0]?.text).toBe('遵守规定。');
  });

  it('warns about the date only, when only the date is missing', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 遵守规定。', '承诺人签名：____'].join('\n'));
    expect(t.warnings.map((w) => w.code)).toEqual(['no-date-line']);
    expect(t.fields.filter((f) => f.kind === 'signature')).toHaveLength(1);
  });

  it('does not take a clause that mentions 签订 or 盖章 for a closing line', () => {
    const t = parseTemplateText('x', ['标题', '一、效力', '1.1 本承诺书自签订之日起生效。', '1.2 加盖公章的复印件同样有效。', '承诺人签名：____', '日期：____'].join('\n'));
    expect(t.sections[0]?.clauses.map((c) => c.number)).toEqual(['1.1', '1.2']);
    expect(t.fields.filter((f) => f.kind === 'signature')).toHaveLength(1);
  });

  it('infers phone, ID and credit-code types from the label when no unit follows', () => {
    const t = parseTemplateText(
      'x',
      ['标题', '联系电话：________', '身份证号码：________', '统一社会信用代码：________', '一、总则', '1.1 遵守。', '承诺人签名：____', '日期：____'].join('\n'),
    );
    expect(t.preamble.fields.map((id) => fieldById(t, id).valueType)).toEqual(['phone', 'idCard', 'creditCode']);
  });

  it('continues the current clause with an unnumbered line', () => {
    const t = parseTemplateText('x', ['标题', '一、总则', '1.1 第一行', '第二行____次', '承诺人签名：____', '日期：____'].join('\n'));
    expect(t.sections[0]?.clauses[0]?.text).toBe('第一行\n第二行{{c1.1-1}}次');
    expect(t.sections[0]?.clauses[0]?.fields).toEqual(['c1.1-1']);
  });

  it('keeps a section without clauses as section text (the "一、…" list style)', () => {
    const t = parseTemplateText('x', ['标题', '一、遵守法律法规，每年自查____次。', '二、诚信经营。', '承诺人签名：____', '日期：____'].join('\n'));
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、']);
    const first = t.sections[0];
    expect(first?.clauses).toEqual([]);
    expect(`${first?.heading}${first?.text}`).toBe(`遵守法律法规，每年自查{{${first?.fields[0]}}}次。`);
    expect(t.fields[0]).toMatchObject({ unit: '次', valueType: 'integer' });
  });
});
