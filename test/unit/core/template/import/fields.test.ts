import { describe, expect, it } from 'vitest';
import type { Template, TemplateField } from '../../../../../electron/shared/template';
import { importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { closingShape, fieldsOf, invariantViolations, show } from './template-checks';

/** A small tidy pledge around one clause, a preamble and a closing block. */
function pledge(parts: { preamble?: string; clause?: string; closing?: string }): Template {
  const text = [
    '经营承诺书',
    parts.preamble ?? '本人郑重承诺：',
    `一、${parts.clause ?? '遵守法律法规，诚信经营。'}`,
    '二、自觉接受平台和消费者的监督。',
    parts.closing ?? '承诺人签名：__________\n日期：____年____月____日',
  ].join('\n');
  const templates = importPledges(text);
  expect(templates).toHaveLength(1);
  const t = templates[0] as Template;
  expect(invariantViolations(t)).toEqual([]);
  return t;
}

const clauseFields = (t: Template): TemplateField[] => (t.sections[0]?.fields ?? []).map((id) => t.fields.find((f) => f.id === id) as TemplateField);
const clauseText = (t: Template): string => show(t.sections[0]?.text ?? '', t);

describe('blanks', () => {
  it.each([
    ['__', '次', 'integer'],
    ['____', '%', 'percent'],
    ['__________', '％', 'percent'],
    ['＿＿＿＿', '小时', 'duration'],
    ['__________', '分钟', 'duration'],
    ['__________', '个工作日', 'duration'],
    ['__________', '工作日', 'duration'],
    ['__________', '天', 'duration'],
    ['__________', '日', 'duration'],
    ['__________', '年', 'duration'],
    ['__________', '元', 'money'],
    ['__________', '万元', 'money'],
    ['__________', '起', 'integer'],
    ['__________', '人', 'integer'],
    ['__________', '家', 'integer'],
  ])('%s followed by %s', (blank, unit, valueType) => {
    const t = pledge({ clause: `每年的指标不超过${blank}${unit}，并如实报告。` });
    expect(clauseText(t)).toBe(`每年的指标不超过{blank}${unit}，并如实报告。`);
    expect(clauseFields(t)).toMatchObject([{ kind: 'blank', unit, valueType, required: true }]);
    expect(clauseFields(t)[0]?.label).toContain('指标不超过');
  });

  it('a single _ is not a blank', () => {
    const t = pledge({ clause: '在编号为A_1的摊位经营，不占道经营。' });
    expect(clauseFields(t)).toEqual([]);
    expect(t.sections[0]?.text).toBe('在编号为A_1的摊位经营，不占道经营。');
  });

  it('a blank inside 《》 is one blank and the title marks stay', () => {
    const t = pledge({ clause: '严格遵守《_________电子商务法》的规定。' });
    expect(clauseText(t)).toBe('严格遵守《{blank}电子商务法》的规定。');
    expect(clauseFields(t)).toHaveLength(1);
  });

  it.each(['（ ）', '（）', '(  )', '（　）'])('an empty %s is a blank, with the unit after it', (paren) => {
    const t = pledge({ clause: `每年培训不少于${paren}小时。` });
    expect(clauseText(t)).toBe('每年培训不少于{blank}小时。');
    expect(clauseFields(t)).toMatchObject([{ kind: 'blank', unit: '小时', valueType: 'duration' }]);
  });

  it('xxx, XXX and ×× are blanks; xxx inside an e-mail address is not', () => {
    const t = pledge({ clause: '本人在xxx市XXX区经营××店，邮箱servicexxx@example.com保持畅通。' });
    expect(clauseText(t)).toBe('本人在{blank}市{blank}区经营{blank}店，邮箱servicexxx@example.com保持畅通。');
  });

  it('（单位名称）-style placeholders are blanks labelled by their words; （金额）元 keeps its unit', () => {
    const t = pledge({ preamble: '（单位名称）郑重承诺：', clause: '违约的，向平台支付（金额）元违约金。' });
    expect(fieldsOf(t, 'blank')[0]).toMatchObject({ label: '单位名称', valueType: 'text' });
    expect(clauseFields(t)).toMatchObject([{ kind: 'blank', label: '金额', unit: '元', valueType: 'money' }]);
  });

  it('"标签：" then a blank is labelled by the label', () => {
    const t = pledge({ preamble: '店铺名称：__________\n经营地址：xxx\n本店郑重承诺：' });
    expect(t.fields.slice(0, 2).map((f) => [f.label, f.valueType])).toEqual([
      ['店铺名称', 'text'],
      ['经营地址', 'text'],
    ]);
  });

  it('types blanks by their label: phone, resident ID, social credit code', () => {
    const t = pledge({
      closing: '承诺人签名：__________\n身份证号码：__________\n统一社会信用代码：__________\n联系电话：__________\n手机：\n日期：____年____月____日',
    });
    expect(fieldsOf(t, 'blank').map((f) => [f.label, f.valueType])).toEqual([
      ['身份证号码', 'idCard'],
      ['统一社会信用代码', 'creditCode'],
      ['联系电话', 'phone'],
      ['手机', 'phone'],
    ]);
  });

  it('a phone word earlier in the sentence does not make a duration a phone', () => {
    const t = pledge({ clause: '通过电话、在线客服等渠道提供服务，平均响应时间不超过__________分钟。' });
    expect(clauseFields(t)).toMatchObject([{ unit: '分钟', valueType: 'duration' }]);
  });
});

describe('dates', () => {
  it.each([
    ['日期：____年____月____日', '日期：{date}'],
    ['日期：＿＿年＿＿月＿＿日', '日期：{date}'],
    ['日期：    年    月    日', '日期：{date}'],
    ['年 月 日', '{date}'],
    ['　　　　年　　月　　日', '{date}'],
    ['20xx年xx月xx日', '{date}'],
    ['日期：20XX年XX月XX日', '日期：{date}'],
    ['2018年 月 日', '{date}'],
    ['签订日期：__________', '签订日期：{date}'],
    ['签订日期：', '签订日期：{date}'],
    ['日期:', '日期：{date}'],
  ])('%s is ONE date field', (line, shape) => {
    const t = pledge({ closing: `承诺人签名：__________\n${line}` });
    expect(fieldsOf(t, 'date')).toHaveLength(1);
    expect(fieldsOf(t, 'blank')).toEqual([]);
    expect(closingShape(t)).toBe(`承诺人签名：{sign}${shape}`);
    expect(t.warnings).toEqual([]);
  });

  it.each([['日'], ['二0一二年三月'], ['2024年5月2日'], ['二〇二四年五月']])('a closing date written as "%s" stays in the closing', (line) => {
    const t = pledge({ closing: `承诺人签名：__________\n${line}` });
    expect(t.sections.map((s) => s.text).join('')).not.toContain(line);
    if (line !== '日') expect(t.closing.text).toContain(line);
    expect(fieldsOf(t, 'date')).toHaveLength(1);
    expect(fieldsOf(t, 'blank')).toEqual([]);
  });

  it('dates, times, amounts and temperatures inside clauses are not fields', () => {
    const clause = '本承诺自2024年1月1日起生效，每日18﹕30~20﹕00巡查，体温≥37.3℃的不得上岗，违者处500至3000元罚款，监督电话0571-88888888。';
    const t = pledge({ clause });
    expect(clauseFields(t)).toEqual([]);
    expect(t.sections[0]?.text).toBe(clause);
  });
});

describe('choices', () => {
  it('□企业□个人□其他____: options, the free-text option, no separate blank', () => {
    const t = pledge({ preamble: '承诺方类型：□企业□个人□其他__________\n本方郑重承诺：' });
    expect(t.fields[0]).toMatchObject({ kind: 'choice', label: '承诺方类型', options: ['企业', '个人', '其他'], otherOption: '其他' });
    expect(t.fields[0]?.preselected).toBeUndefined();
    expect(fieldsOf(t, 'blank')).toEqual([]);
  });

  it('options separated by spaces, ☐ boxes, and ■ / ☑ pre-ticked', () => {
    const a = pledge({ preamble: '是否连锁经营：☐是 ☐否\n本店承诺：' });
    expect(a.fields[0]).toMatchObject({ kind: 'choice', options: ['是', '否'] });
    const b = pledge({ preamble: '经营方式：□线上■线下\n本店承诺：' });
    expect(b.fields[0]).toMatchObject({ options: ['线上', '线下'], preselected: '线下' });
    const c = pledge({ preamble: '经营方式：☑线上□线下\n本店承诺：' });
    expect(c.fields[0]).toMatchObject({ options: ['线上', '线下'], preselected: '线上' });
  });

  it('a group whose options continue on the next line is one choice', () => {
    const t = pledge({ preamble: '承诺方类型：□企业□个人\n□个体工商户□其他__________\n本方郑重承诺：' });
    expect(fieldsOf(t, 'choice')).toHaveLength(1);
    expect(fieldsOf(t, 'choice')[0]).toMatchObject({ options: ['企业', '个人', '个体工商户', '其他'], otherOption: '其他' });
  });

  it('a “□” quoted in instructions is not an option', () => {
    const t = pledge({ preamble: '请在符合的选项“□”内划“√”。\n本人承诺：' });
    expect(fieldsOf(t, 'choice')).toEqual([]);
    expect(t.preamble.text).toContain('“□”');
  });
});

describe('signatures', () => {
  it.each([
    ['承诺人签名：__________', '承诺人签名'],
    ['承诺人（签字）：', '承诺人（签字）'],
    ['承诺人：__________', '承诺人'],
    ['承诺人:', '承诺人'],
    ['签名：', '签名'],
    ['（签字）', '签字'],
    ['（盖章）', '盖章'],
    ['签章：', '签章'],
    ['法定代表人签字：__________', '法定代表人签字'],
    ['（公章）', '公章'],
    ['承 诺 人（签字）：__________', '承诺人'],
  ])('%s is a signature place', (line, label) => {
    const t = pledge({ closing: `${line}\n日期：____年____月____日` });
    const signatures = fieldsOf(t, 'signature');
    expect(signatures).toHaveLength(1);
    expect(signatures[0]?.label.replace(/\s/g, '')).toContain(label);
    expect(t.closing.fields).toContain(signatures[0]?.id);
    expect(t.warnings).toEqual([]);
  });

  it('several signatories each get a signature field, in order', () => {
    const t = pledge({ closing: '承诺人签名：__________\n法定代表人签字：__________\n（公章）\n联系电话：__________\n签订日期：__________' });
    expect(fieldsOf(t, 'signature').map((f) => f.label)).toEqual(['承诺人签名', '法定代表人签字', expect.stringContaining('公章')]);
    expect(closingShape(t)).toMatch(/^承诺人签名：\{sign\}法定代表人签字：\{sign\}(（公章）)?\{sign\}(（公章）)?联系电话：\{blank\}签订日期：\{date\}$/);
    expect(fieldsOf(t, 'blank').map((f) => f.valueType)).toEqual(['phone']);
    expect(t.warnings).toEqual([]);
  });

  it('a pledge without a signature or date line gets them added, with warnings', () => {
    const templates = importPledges('经营承诺书\n本人承诺：\n一、诚信经营。\n二、接受监督。');
    const t = templates[0] as Template;
    expect(fieldsOf(t, 'signature')).toHaveLength(1);
    expect(fieldsOf(t, 'date')).toHaveLength(1);
    expect(t.warnings.map((w) => w.code).sort()).toEqual(['no-date-line', 'no-signature-line']);
    expect(invariantViolations(t)).toEqual([]);
  });
});
