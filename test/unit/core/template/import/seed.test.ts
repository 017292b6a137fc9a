import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../../../electron/shared/template';
import { importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { REPO_ROOT } from '../../../../support/paths';
import { allText, fieldsOf, invariantViolations, outline, show } from './template-checks';

/** A real page from a document site: two pledges (the second cut off) inside site notices and lists. */
const SEED = readFileSync(join(REPO_ROOT, '..', 'shared', 'seeds', 'ecommerce-service-pledge.book118-page.txt'), 'utf8');
const SEED_LINES = SEED.split('\n');

/** The importer may turn ASCII punctuation typed between Chinese words full-width: compare without that. */
const asciiPunctuation = (text: string): string => text.replace(/[，；：！？（）]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('the book118 seed page', () => {
  const templates = importPledges(SEED);
  const [first, second] = templates as [Template, Template];

  it('imports as exactly two templates with distinct ids, the second flagged as truncated', () => {
    expect(templates).toHaveLength(2);
    expect(first.id).not.toBe(second.id);
    expect(first.warnings).toEqual([]);
    expect(second.warnings.map((w) => w.code)).toContain('truncated');
  });

  it('keeps no site junk in any text of either template', () => {
    for (const t of templates) {
      // The title carries the number the importer gives same-titled pledges ("（第1篇）"): check the rest.
      const text = allText(t).replace(t.title, '');
      for (const junk of ['VIP', '下载', '原创力', 'book118', 'PAGE', '.docx', '.pptx', '您可能关注', '最近下载', '文档评论', '版权', '篇', '付费']) {
        expect(text, `${t.title}: ${junk}`).not.toContain(junk);
      }
    }
  });

  it('first pledge: title, four sections 一、…四、 and the clause tree with 3.1.1 under 3.1', () => {
    expect(first.title).toBe('电商平台服务保障承诺书（第1篇）');
    expect(first.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、主要职责范围', '二、核心遵循标准', '三、重点执行方案', '四、监督落实机制']);
    expect(first.sections.every((s) => s.text === '')).toBe(true);
    const tree = first.sections.map((s) => s.clauses.map((c) => [c.number, c.children.map((g) => g.number)]));
    expect(tree).toEqual([
      [['1.1', []], ['1.2', []], ['1.3', []]],
      [['2.1', []], ['2.2', []], ['2.3', []], ['2.4', []]],
      [
        ['3.1', ['3.1.1', '3.1.2', '3.1.3']],
        ['3.2', ['3.2.1', '3.2.2', '3.2.3']],
        ['3.3', ['3.3.1', '3.3.2', '3.3.3']],
        ['3.4', ['3.4.1', '3.4.2', '3.4.3']],
      ],
      [['4.1', []], ['4.2', []], ['4.3', []], ['4.4', []]],
    ]);
  });

  it('first pledge: every clause keeps its source sentence exactly (ASCII punctuation may become full-width)', () => {
    const lines = outline(first).filter((l) => /^\s+\d/.test(l));
    expect(lines).toHaveLength(27);
    const sourceLines = SEED_LINES.map(asciiPunctuation);
    for (const line of lines) {
      const [number = '', text = ''] = line.trim().split('|');
      const sourceLine = asciiPunctuation(`${number}${text.replace(/\{blank\}/g, '__________')}`);
      expect(sourceLines, sourceLine).toContain(sourceLine);
    }
  });

  it('first pledge: the preamble blank, blanks with units 次/小时/%/次, one signature and one date', () => {
    expect(show(first.preamble.text, first)).toBe('为保证{blank}工作顺利开展：');
    expect(first.fields.map((f) => [f.kind, f.unit, f.valueType])).toEqual([
      ['blank', undefined, 'text'],
      ['blank', '次', 'integer'],
      ['blank', '小时', 'duration'],
      ['blank', '%', 'percent'],
      ['blank', '次', 'integer'],
      ['signature', undefined, undefined],
      ['date', undefined, 'date'],
    ]);
    expect(first.fields[1]?.label).toContain('服务器安全巡检');
    expect(first.fields[2]?.label).toContain('完成处置');
    expect(first.fields[3]?.label).toContain('抽检');
    expect(first.fields[4]?.label).toContain('客服技能培训');
    expect(fieldsOf(first, 'signature').map((f) => f.label)).toEqual(['承诺人签名']);
    expect(fieldsOf(first, 'date').map((f) => f.label)).toEqual(['签订日期']);
    expect(show(first.closing.text, first).replace(/\s+/g, '')).toBe('承诺人签名：{sign}签订日期：{date}');
  });

  it('second pledge: the 承诺方类型 choice (其他 carries the free text, not a separate blank)', () => {
    expect(second.title).toBe('电商平台服务保障承诺书（第2篇）');
    const choice = second.fields[0];
    expect(choice).toMatchObject({ kind: 'choice', label: '承诺方类型', options: ['企业', '个人', '其他'], otherOption: '其他' });
    expect(second.preamble.fields).toEqual([choice?.id]);
    expect(show(second.preamble.text, second)).toBe('承诺方类型：{choice}');
  });

  it('second pledge: sections 一、二、 with clauses 1. 2. 3., the cut-off clause kept as written', () => {
    expect(second.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、基本义务', '二、标准规范']);
    expect(second.sections.map((s) => s.clauses.map((c) => c.number))).toEqual([
      ['1.', '2.', '3.'],
      ['1.', '2.', '3.'],
    ]);
    const [a, b] = second.sections;
    expect(a?.clauses[0]?.text).toMatch(/^服务内容保障\n?承诺方承诺在电商平台运营过程中，全面履行平台服务协议约定的权利义务/);
    expect(b?.clauses[2]?.text.replace(/\n/g, '')).toBe('公平交易规范承诺方承诺对平台内所有用户和商家一视同仁');
  });

  it('second pledge: the 16 blanks with their units (%, 小时, 个工作日, 分钟, 元, 起)', () => {
    const blanks = fieldsOf(second, 'blank');
    expect(blanks.map((f) => f.unit)).toEqual(['%', '%', '小时', '小时', '个工作日', '%', '%', '%', '%', '小时', '分钟', '%', '元', '个工作日', '起', '%']);
    const types: Record<string, string> = { '%': 'percent', 小时: 'duration', 个工作日: 'duration', 分钟: 'duration', 元: 'money', 起: 'integer' };
    for (const f of blanks) expect(f.valueType, f.label).toBe(types[f.unit as string]);
    expect(blanks[0]?.label).toContain('系统可用性');
    expect(blanks[12]?.label).toContain('金额');
    expect(blanks[14]?.label).toContain('纠纷');
  });

  it('both satisfy the template invariants', () => {
    for (const t of templates) expect(invariantViolations(t), t.id).toEqual([]);
  });
});

describe('the seed page pasted twice (a related-documents list followed by more pledges)', () => {
  it('ends the list at the next pledge title: 4 templates, the same clauses as one copy', () => {
    const once = importPledges(SEED);
    const twice = importPledges(`${SEED}\n${SEED}`);
    expect(twice).toHaveLength(4);
    expect(twice.map((t) => t.sections.length)).toEqual([...once, ...once].map((t) => t.sections.length));
  });
});
