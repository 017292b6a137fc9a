import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../../../electron/shared/template';
import { CoreError } from '../../../../../electron/core/errors';
import { decodeDocument } from '../../../../../electron/core/template/import/decode-document';
import { importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { makeDocx } from '../../../../support/make-docx';
import { REPO_ROOT } from '../../../../support/paths';
import { invariantViolations } from './template-checks';

/**
 * Random, mixed and mutated documents: importPledges either returns templates that satisfy the invariants, or
 * throws CoreError IMPORT_EMPTY. Never another exception, never a slow call (each must take < 1 s), and the
 * same text always gives the same templates.
 */

const RUNS = { seed: 42, numRuns: 300 } as const;
const MAX_MS = 1000;

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'import');
const SEED_PAGE = join(REPO_ROOT, '..', 'shared', 'seeds', 'ecommerce-service-pledge.book118-page.txt');
const TEMPLATES = join(REPO_ROOT, 'resources', 'templates');
const DOCUMENTS: string[] = [
  ...readdirSync(FIXTURES)
    .filter((f) => /\.(txt|md|html)$/.test(f) && !/^(gbk|utf16|empty|whitespace)/.test(f))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8')),
  ...readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(TEMPLATES, f), 'utf8')),
  readFileSync(SEED_PAGE, 'utf8'),
];

/** Pieces of real pledges and of the junk around them. */
const FRAGMENTS = [
  '电商平台服务保障承诺书', '承诺书', '承諾書', '保证书', '责任状', '(3篇)', '第(1)篇', '篇一', '篇二', '范文三', '7篇',
  '一、', '二、', '十、', '十一、', '四', '（一）', '（二）', '1.', '2.', '1、', '2、', 'l、', '10', '1.1', '1.2', '2.1', '1.1.1', '3.1.2',
  '(1)', '（2）', '①', '②', '第一条', '第十二条', '# ', '### ', '**', '---', '- ', '* ',
  '__________', '＿＿＿', '__', '_', '（ ）', '（）', '（单位名称）', '（金额）', 'xxx', 'XXX', '××', '《_________电子商务法》',
  '□企业□个人□其他__________', '□', '☐', '■', '☑', '“□”', '在“□”内划“√”',
  '____年____月____日', '年 月 日', '20xx年xx月xx日', '2018年 月 日', '二0一二年三月', '日', '日期：', '日期:', '签订日期：',
  '承诺人签名：', '承诺人：', '承 诺 人', '法定代表人签字：', '（公章）', '（盖章）', '(签字)', '签章', '承诺人信息', '联系电话：', '身份证号码：',
  '为规范经营行为，本人郑重承诺：', '遵守法律法规，诚信经营', '在', '小时内', '%', '％', '个工作日', '分钟', '元', '万元', '次', '起', '人', '天', '年',
  '。', '；', '，', '：', ':', ',', '、', '“', '”', '《', '》', '<<消防法>>', '\n', '\n\n', '\r\n', ' ', '\u3000', '\t', '\u00a0', '\u200b', '\ufeff',
  '您可能关注的文档', '最近下载', '相关文章', '- 某某承诺书(5篇).docx', '下载本文档', 'VIP', '原创力文档', '已阅读5页，还剩9页未读',
  '第=PAGE1*2-11页(共=NUMPAGES1*22页)', 'PAGE', '发布时间：2024-05-02', '2024-06-26', '06-24', '500至3000元', '18﹕30~20﹕00', '≥37.3℃',
  '书(shū)', '企業(yè)', '`', "'", '０１２３', '{{', '}}', '{{x}}', '$&', '\\', '<p>', '&nbsp;',
];

const LINE_JUNK = ['您可能关注的文档', '- 污水处理管网施工组织设计.docx', '2、', '第=PAGE1*2-11页(共=NUMPAGES1*22页)', 'PAGE', '篇二', '承诺人签名：__________', '□', '', '日', '三、', '（一）'];

/** The import, with the invariants checked: throws (so fast-check records a counterexample) on any violation. */
function checkImport(text: string): void {
  const started = performance.now();
  let templates: Template[];
  try {
    templates = importPledges(text);
  } catch (error) {
    const elapsed = performance.now() - started;
    if (elapsed > MAX_MS) throw new Error(`importPledges took ${Math.round(elapsed)} ms before throwing`, { cause: error });
    if (error instanceof CoreError && error.code === 'IMPORT_EMPTY') return;
    throw new Error(`unexpected ${error instanceof CoreError ? `CoreError ${error.code}` : String(error)}`, { cause: error });
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS) throw new Error(`importPledges took ${Math.round(elapsed)} ms`);
  if (!Array.isArray(templates) || templates.length === 0) throw new Error('no templates and no IMPORT_EMPTY');
  const ids = templates.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate template ids ${ids.join(',')}`);
  for (const t of templates) {
    const problems = invariantViolations(t);
    if (problems.length > 0) throw new Error(`${t.id} "${t.title}": ${problems.join('; ')}`);
  }
  if (JSON.stringify(importPledges(text)) !== JSON.stringify(templates)) throw new Error('not deterministic');
}

type Mutation =
  | { op: 'deleteLine' | 'duplicateLine' | 'joinLine' | 'deleteChar' | 'duplicateChar' | 'splitLine'; at: number }
  | { op: 'swapLines' | 'swapChars'; at: number; other: number }
  | { op: 'insertJunkLine' | 'insertFragment'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('deleteLine', 'duplicateLine', 'joinLine', 'deleteChar', 'duplicateChar', 'splitLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('swapLines', 'swapChars' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('insertJunkLine' as const), at: fc.nat(), text: fc.constantFrom(...LINE_JUNK) }),
  fc.record({ op: fc.constant('insertFragment' as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const chars = [...text];
  const li = lines.length === 0 ? 0 : m.at % lines.length;
  const ci = chars.length === 0 ? 0 : m.at % chars.length;
  switch (m.op) {
    case 'deleteLine':
      lines.splice(li, 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(li, 0, lines[li] ?? '');
      return lines.join('\n');
    case 'joinLine':
      return lines.length < 2 ? text : [...lines.slice(0, li), lines.slice(li, li + 2).join(''), ...lines.slice(li + 2)].join('\n');
    case 'swapLines': {
      const lj = m.other % Math.max(lines.length, 1);
      [lines[li], lines[lj]] = [lines[lj] ?? '', lines[li] ?? ''];
      return lines.join('\n');
    }
    case 'insertJunkLine':
      lines.splice(li, 0, m.text);
      return lines.join('\n');
    case 'deleteChar':
      chars.splice(ci, 1);
      return chars.join('');
    case 'duplicateChar':
      chars.splice(ci, 0, chars[ci] ?? '');
      return chars.join('');
    case 'splitLine':
      chars.splice(ci, 0, '\n');
      return chars.join('');
    case 'swapChars': {
      const cj = m.other % Math.max(chars.length, 1);
      [chars[ci], chars[cj]] = [chars[cj] ?? '', chars[ci] ?? ''];
      return chars.join('');
    }
    case 'insertFragment':
      chars.splice(ci, 0, m.text);
      return chars.join('');
  }
}

const PLEDGE_CHARS = [...'承诺书人签名字盖章日期年月一二三四五六七八九十、（）()《》“”□■☑☐_＿.．:：，。；%0123456789lxX× \n\u3000#*-篇第条'];

describe('importPledges on random and mutated documents (fast-check, seeded)', () => {
  it('random Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkImport), RUNS);
  });

  it('random strings over the characters pledges are made of', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...PLEDGE_CHARS), maxLength: 400 }), checkImport), RUNS);
  });

  it('random mixes of pledge fragments, markers, blanks, boxes, punctuation and junk lines', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join('')), checkImport), RUNS);
  });

  it('fixtures, built-ins and the seed page with lines and characters deleted, duplicated, swapped or junk inserted', () => {
    const arbitrary = fc
      .tuple(fc.constantFrom(...DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 12 }))
      .map(([text, mutations]) => mutations.reduce(mutate, text));
    fc.assert(fc.property(arbitrary, checkImport), RUNS);
  });

  it('every unmutated document imports cleanly', () => {
    for (const text of DOCUMENTS) expect(() => checkImport(text)).not.toThrow();
  });
});

describe('decodeDocument on random bytes (fast-check, seeded)', () => {
  const CODES = ['IMPORT_EMPTY', 'IMPORT_UNSUPPORTED', 'IMPORT_DAMAGED', 'IMPORT_TOO_LARGE'];
  const name = fc.constantFrom('x.txt', 'x.md', 'x.html', 'x.docx', 'x.doc', 'x', 'x.pdf');
  const prefix = fc.constantFrom(
    new Uint8Array(0),
    new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    new Uint8Array([0xff, 0xfe]),
    new Uint8Array([0xfe, 0xff]),
    new Uint8Array([0xef, 0xbb, 0xbf]),
    new TextEncoder().encode('%PDF-'),
    new TextEncoder().encode('<html><p>'),
  );
  const docx = makeDocx(['测试承诺书', '一、本人承诺遵守规定。', '承诺人签名：__________']);

  it('either decodes to text or rejects with an import CoreError', async () => {
    const bytes = fc.oneof(
      fc.tuple(prefix, fc.uint8Array({ maxLength: 600 })).map(([p, rest]) => new Uint8Array([...p, ...rest])),
      // A valid .docx with some bytes overwritten.
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
        const copy = new Uint8Array(docx);
        for (const [at, value] of edits) copy[at % copy.length] = value;
        return copy;
      }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, name, async (data, fileName) => {
        try {
          const { text, format } = await decodeDocument(data, fileName);
          if (typeof text !== 'string' || !['txt', 'md', 'html', 'docx', 'doc'].includes(format)) throw new Error(`bad result ${format}`);
          // Only the error contract here: the template invariants are the other properties' business.
          importPledges(text);
        } catch (error) {
          if (error instanceof CoreError && CODES.includes(error.code)) return;
          throw error;
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
