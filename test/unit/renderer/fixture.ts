import type { Template, TemplateClause, TemplateField } from '../../../electron/shared/template';

const blank = (id: string, label: string, extra: Partial<TemplateField> = {}): TemplateField => ({
  id,
  kind: 'blank',
  label,
  valueType: 'text',
  required: true,
  ...extra,
});

const clause = (number: string, text: string, fields: string[], children: TemplateClause[] = []): TemplateClause => ({
  number,
  text,
  fields,
  children,
});

/**
 * A small consistent template: a preamble blank, a section whose clause 1.1 has two children, a flat
 * section, a choice, a signature and a date. Field ids say where they sit.
 */
export function sample(): Template {
  return {
    id: 'sample',
    version: 'v0',
    title: '测试承诺书',
    preamble: { text: '为规范{{pre-1}}平台经营：', fields: ['pre-1'] },
    sections: [
      {
        number: '一、',
        heading: '总则',
        text: '',
        fields: [],
        clauses: [
          clause('1.1', '系统安全{{a}}', ['a'], [clause('1.1.1', '每日巡检{{b}}次。', ['b']), clause('1.1.2', '加密传输。', [])]),
          clause('1.2', '每季度抽检{{c}}%商品，\n并在{{d}}小时内处理。', ['c', 'd']),
          clause('1.3', '承诺方类型：{{e}}', ['e'], [clause('1.3.1', '保存{{f}}年。', ['f'])]),
        ],
      },
      { number: '二、', heading: '附则', text: '本承诺自签订之日起生效，有效期{{g}}年。', fields: ['g'], clauses: [] },
    ],
    closing: { text: '承诺人签名：{{sig}}\n签订日期：{{date}}', fields: ['sig', 'date'] },
    fields: [
      blank('pre-1', '平台名称'),
      blank('a', '系统名称'),
      blank('b', '每日巡检次数', { valueType: 'integer', unit: '次' }),
      blank('c', '抽检比例', { valueType: 'percent', unit: '%' }),
      blank('d', '处理时限', { valueType: 'duration', unit: '小时' }),
      { id: 'e', kind: 'choice', label: '承诺方类型', options: ['企业', '个人', '其他'], otherOption: '其他', required: true },
      blank('f', '保存年限', { valueType: 'duration', unit: '年' }),
      blank('g', '有效期', { valueType: 'duration', unit: '年' }),
      { id: 'sig', kind: 'signature', label: '承诺人签名', required: true },
      { id: 'date', kind: 'date', label: '签订日期', valueType: 'date', required: true },
    ],
    warnings: [],
  };
}

export const fieldIds = (template: Template): string[] => template.fields.map((f) => f.id);

/** A "1、…" pledge: top-level sections without sub-clauses, the first with a heading. */
export function flatSample(): Template {
  const section = (number: string, heading: string, text: string, fields: string[]) => ({ number, heading, text, fields, clauses: [] });
  return {
    id: 'flat',
    version: 'v0',
    title: '明码标价承诺书',
    preamble: { text: '在{{p}}平台承诺：', fields: ['p'] },
    sections: [
      section('1、', '总则', '明码标价。同一商品只标示一个价格。', []),
      section('2、', '', '价格比较。原价为促销前{{a}}天内的最低成交价格。', ['a']),
      section('3、', '', '促销规则。提前{{b}}天公示规则。', ['b']),
    ],
    closing: { text: '承诺人签名：{{sig}}', fields: ['sig'] },
    fields: [
      blank('p', '平台'),
      blank('a', '比较天数', { valueType: 'integer', unit: '天' }),
      blank('b', '公示天数', { valueType: 'integer', unit: '天' }),
      { id: 'sig', kind: 'signature', label: '承诺人签名', required: true },
    ],
    warnings: [],
  };
}
