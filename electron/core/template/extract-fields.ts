import type { TemplateBlock, TemplateField } from '../../shared/template';
import { labelAround, unitAfter, valueTypeFromLabel } from './infer-field';

/**
 * Finds the fields in one block of pledge text and replaces each with `{{fieldId}}`:
 * - blanks: 2+ `_`/`＿`, an empty `（ ）`, `xxx`/`××` placeholders, a `（单位名称）`-style placeholder, an empty
 *   `联系电话：` at the end of a line; unit and value type from the words after and before;
 * - dates: `____年____月____日`, `年 月 日`, `20xx年xx月xx日`, each ONE field;
 * - choices: a run of `□`/`☐` options (`■`/`☑` pre-ticked); "其他____" carries the free text;
 * - in the closing block, signature lines (签名/签字/签章/盖章/公章, 承诺人：) and date lines.
 * Ids are `<owner>-<n>`, so a field keeps its id while its clause keeps its number.
 */
export type FieldExtractor = (owner: string, text: string, closing: boolean) => TemplateBlock;

export function createFieldExtractor(fields: TemplateField[]): FieldExtractor {
  const counters = new Map<string, number>();
  const nextId = (owner: string): string => {
    const n = (counters.get(owner) ?? 0) + 1;
    counters.set(owner, n);
    return `${owner}-${n}`;
  };

  return (owner, text, closing) => {
    const own: string[] = [];
    let out = '';
    let i = 0;
    const add = (field: TemplateField): void => {
      fields.push(field);
      own.push(field.id);
      out += `{{${field.id}}}`;
    };
    while (i < text.length) {
      const char = text[i] as string;
      // Most characters cannot start a field: skip the pattern tests for them (this loop sees every character).
      if (!TRIGGER.test(char)) {
        out += char;
        i++;
        continue;
      }
      if (BOX.test(char) && !isQuotedBox(text, i)) {
        const { field, length } = readChoice(text, i, phraseBefore(out));
        field.id = nextId(owner);
        add(field);
        i += length;
        continue;
      }
      const date = matchAt(DATE_PLACEHOLDER, text, i);
      if (date && (i === 0 || !/[\d〇零一二三四五六七八九]/.test(text[i - 1] as string))) {
        const label = segmentBefore(out).replace(/[：:\s]+$/, '');
        add({ id: nextId(closing ? 'date' : owner), kind: 'date', label: label || '日期', valueType: 'date', required: true });
        i += date.length;
        continue;
      }
      const blank = matchAt(BLANK, text, i) ?? matchAt(PLACEHOLDER, text, i);
      if (blank && acceptsPlaceholder(blank, out)) {
        const inner = /^[（(]\s*([^（）()]*?)\s*[)）]$/.exec(blank)?.[1] ?? '';
        add(classifyBlank(closing, owner, nextId, segmentBefore(out), text.slice(i + blank.length, i + blank.length + 24), inner));
        i += blank.length;
        continue;
      }
      out += char;
      i++;
    }
    // Label-only places: "承诺人签名：", "（公章）", columns "承诺人（签字）   法定代表人（签字）", a lone "日",
    // and, outside the closing block, an empty "联系电话：" at the end of a line.
    const labelOnly = (segment: string): string => {
      if (segment.includes('{{') || segment.trim() === '') return segment;
      const bare = segment.replace(/\s+/g, '');
      const label = segment.replace(/[：:\s]+$/, '').trim();
      let field: TemplateField | null = null;
      if (closing && /^(日|年月日)$/.test(bare)) {
        field = { id: nextId('date'), kind: 'date', label: '日期', valueType: 'date', required: true };
      } else if (closing && isSignatureLabel(label)) {
        field = { id: nextId('signature'), kind: 'signature', label: label.replace(/\s+/g, ''), required: true };
      } else if (/[：:]\s*$/.test(segment) && label !== '' && label.length <= 16) {
        if (closing || /电话|電話|手机|联系方式|地址|姓名|名称|日期|身份证|信用代码/.test(label)) {
          field = classifyBlank(closing, owner, nextId, segment.trim(), '', '');
        }
      }
      if (!field) return segment;
      fields.push(field);
      own.push(field.id);
      return field.kind === 'date' && /^(日|年月日)$/.test(bare) ? `{{${field.id}}}` : `${segment.replace(/\s+$/, '')}{{${field.id}}}`;
    };
    out = out
      .split('\n')
      .map((line) =>
        closing
          ? line
              .replace(/(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff（(])/g, '')
              .split(/([ \u3000]+)/)
              // "日期：    {{date-1}}": a label followed by its field is not a place of its own.
              .map((segment, i, all) => (/^\{\{/.test(all[i + 2] ?? '') && /[：:]$/.test(segment) ? segment : labelOnly(segment)))
              .join('')
          : labelOnly(line),
      )
      .join('\n');
    // Fields for label-only lines were added after the main pass: restore document order.
    const order = [...out.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1] as string);
    const mine = fields.splice(fields.length - own.length, own.length);
    mine.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    fields.push(...mine);
    return { text: out, fields: order };
  };
}

const BOX = /[□☐■☑]/;
const TRIGGER = /[_＿（(xX×□☐■☑年\d〇○零一二三四五六七八九]/;
const BLANK = /(?:[_＿]{2,}|[（(][ \u3000]*[)）])/y;
const PLACEHOLDER = /(?:[xX]{3,}|[×]{2,}|[（(](?:[\u4e00-\u9fff]{0,6}(?:名称|姓名|单位|公司|企业|店铺|地址|电话|号码|金额|数额|人数|数量|编号|代码|身份证号?))[)）])/y;
// Dates to fill: "____年____月____日", "年 月 日", "20xx年xx月xx日", "2018年 月 日", "二〇二四年  月  日".
// Spaces only, never a line break: "承诺人签名：____" above "年 月 日" is two places, not one date.
const SP = '[ \\t\\u3000]';
const YEAR = '(?:[_＿]{2,}|20[_＿xX]{2}|[xX]{2,4}|\\d{4}|[〇○零一二三四五六七八九]{4})';
const EMPTY = `(?:[_＿]{2,}|[xX]{1,2}|${SP}+)`;
const DATE_PLACEHOLDER = new RegExp(`(?:${YEAR}${SP}*年${SP}*${EMPTY}${SP}*月${SP}*${EMPTY}${SP}*日|年${SP}+月${SP}+日)`, 'y');
const OPTION_END = /[□☐■☑_＿\s，。；：、,.;:]/;

/** The match of a sticky pattern at exactly `index`, or null. */
function matchAt(pattern: RegExp, text: string, index: number): string | null {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0] ?? null;
}

/** `xxx` inside a Latin word (e.g. an e-mail) is not a placeholder. */
function acceptsPlaceholder(match: string, before: string): boolean {
  if (/^[xX]/.test(match)) return !/[A-Za-z0-9@.]$/.test(before);
  return true;
}

/** A box quoted as a symbol in instructions ("在“□”内划“√”") is not an option. */
function isQuotedBox(text: string, i: number): boolean {
  return /[“"‘'「]/.test(text[i - 1] ?? '') && /[”"’'」]/.test(text[i + 1] ?? '');
}

function readChoice(text: string, start: number, label: string): { field: TemplateField; length: number } {
  const options: string[] = [];
  let otherOption: string | undefined;
  let preselected: string | undefined;
  let i = start;
  while (i < text.length && BOX.test(text[i] as string)) {
    const ticked = /[■☑]/.test(text[i] as string);
    let j = i + 1;
    while (j < text.length && !OPTION_END.test(text[j] as string)) j++;
    const option = text.slice(i + 1, j);
    options.push(option);
    if (ticked) preselected = option;
    i = j;
    const blank = /^[_＿]{2,}/.exec(text.slice(i));
    if (blank) {
      otherOption = option;
      i += blank[0].length;
    }
    // Options may be separated by spaces ("□企业 □个人") or continue on the next line.
    const gap = /^[ \u3000]*\n?[ \u3000]*(?=[□☐■☑])/.exec(text.slice(i));
    if (gap) i += gap[0].length;
  }
  const field: TemplateField = { id: '', kind: 'choice', label: label || '选项', options, required: true };
  if (otherOption !== undefined) field.otherOption = otherOption;
  if (preselected !== undefined) field.preselected = preselected;
  return { field, length: i - start };
}

const SIGNATURE_WORDS = /签名|签字|签章|盖章|公章|印章|手印|簽名|簽字|簽章|蓋章/;
const SIGNER_LABEL = /^(立?承诺人|承诺单位|承诺方|承诺企业|承诺商户|保证人|声明人|法定代表人|负责人|立?承諾人|承諾單位|承諾方|法定代表人|負責人)$/;

/** "承诺人签名", "（公章）", "法定代表人（签字）", "承 诺 人": a place to sign, not an identity field. */
function isSignatureLabel(label: string): boolean {
  const bare = label.replace(/\s+/g, '');
  if (bare.length > 20) return false;
  return SIGNATURE_WORDS.test(bare) || SIGNER_LABEL.test(bare.replace(/[（(][^）)]*[)）]/g, ''));
}

function classifyBlank(
  closing: boolean,
  owner: string,
  nextId: (owner: string) => string,
  before: string,
  after: string,
  inner: string,
): TemplateField {
  const lineLabel = (inner || before).replace(/[：:\s]+$/, '').replace(/^[，。；、\s]+/, '');
  if (closing && isSignatureLabel(lineLabel)) {
    return { id: nextId('signature'), kind: 'signature', label: lineLabel.replace(/\s+/g, ''), required: true };
  }
  // Only the words right before the blank say what it holds: "…通过电话等渠道…响应时间不超过____分钟" is no phone.
  const nearLabel = closing ? lineLabel : (lineLabel.split(/[，。；、,.;]/).pop() ?? '');
  const byLabel = valueTypeFromLabel(nearLabel.slice(-12));
  if (byLabel === 'date' && (closing || lineLabel.length <= 6)) {
    return { id: nextId(closing ? 'date' : owner), kind: 'date', label: lineLabel, valueType: 'date', required: true };
  }
  const unit = unitAfter(after);
  const label = inner || (closing || byLabel ? lineLabel : labelAround(before, after));
  const field: TemplateField = {
    id: nextId(closing ? 'closing' : owner),
    kind: 'blank',
    label: label || '填空',
    valueType: unit?.valueType ?? byLabel ?? 'text',
    required: true,
  };
  if (unit) field.unit = unit.unit;
  return field;
}

/** The text since the line start or the previous field on the same line. */
function segmentBefore(out: string): string {
  const line = out.slice(out.lastIndexOf('\n') + 1);
  const afterField = line.lastIndexOf('}}');
  return afterField === -1 ? line : line.slice(afterField + 2);
}

function phraseBefore(out: string): string {
  return segmentBefore(out).replace(/[：:\s]+$/, '').split(/[，。；、,.;]/).pop() ?? '';
}
