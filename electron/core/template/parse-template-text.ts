import type {
  Template,
  TemplateBlock,
  TemplateClause,
  TemplateField,
  TemplateSection,
  TemplateWarning,
} from '../../shared/template';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import { labelAround, unitAfter, valueTypeFromLabel } from './infer-field';

/**
 * Parses a tidy, line-based pledge (one clause per line, as the built-in templates are written) into the
 * template JSON. The importer for messy real-world documents builds on the same field rules.
 *
 * Lines: the first is the title; lines before the first `一、` section are the preamble; `一、…` starts a
 * section; `1.1…` / `1.1.1…` start clauses nested by depth; signature and date lines form the closing block;
 * any other line continues the current block.
 */
export function parseTemplateText(id: string, source: string): Template {
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const title = lines.shift() ?? '';
  const fields: TemplateField[] = [];
  const extract = makeExtractor(fields);

  const preambleLines: string[] = [];
  const closingLines: string[] = [];
  const sections: TemplateSection[] = [];
  // The open clause at each depth (index 0 = depth 1) while reading the current section.
  let stack: TemplateClause[] = [];

  for (const line of lines) {
    const section = /^([一二三四五六七八九十百]+、)\s*(.*)$/.exec(line);
    const clause = /^(\d+(?:\.\d+)+)\s*(.*)$/.exec(line);
    if (isClosingLine(line)) {
      closingLines.push(line);
    } else if (section) {
      sections.push({ number: section[1] as string, heading: section[2] as string, text: '', fields: [], clauses: [] });
      stack = [];
    } else if (clause && sections.length > 0) {
      const number = clause[1] as string;
      const depth = number.split('.').length - 1;
      const node: TemplateClause = { number, text: clause[2] as string, fields: [], children: [] };
      const parent = depth >= 2 ? stack[Math.min(depth - 2, stack.length - 1)] : undefined;
      if (parent) parent.children.push(node);
      else (sections[sections.length - 1] as TemplateSection).clauses.push(node);
      stack = [...stack.slice(0, Math.max(0, depth - 1)), node];
    } else if (sections.length === 0) {
      preambleLines.push(line);
    } else {
      const current = stack[stack.length - 1];
      const last = sections[sections.length - 1] as TemplateSection;
      if (current) current.text = `${current.text}\n${line}`;
      else last.text = last.text ? `${last.text}\n${line}` : line;
    }
  }

  // Fields are numbered in document order, so extract in that order: preamble, sections, closing.
  const preamble = extract('pre', preambleLines.join('\n'), false);
  sections.forEach((s, index) => {
    const heading = extract(`s${index + 1}h`, s.heading, false);
    s.heading = heading.text;
    const body = extract(`s${index + 1}`, s.text, false);
    s.text = body.text;
    s.fields = [...heading.fields, ...body.fields];
    const walk = (c: TemplateClause): void => {
      const own = extract(`c${c.number}`, c.text, false);
      c.text = own.text;
      c.fields = own.fields;
      c.children.forEach(walk);
    };
    s.clauses.forEach(walk);
  });
  const closing = extract('closing', closingLines.join('\n'), true);

  const warnings: TemplateWarning[] = [];
  if (!fields.some((f) => f.kind === 'signature')) {
    warnings.push({ code: 'no-signature-line', message: 'no signature line (签名/签字/盖章) was found' });
  }
  if (!fields.some((f) => f.kind === 'date')) {
    warnings.push({ code: 'no-date-line', message: 'no signing date line was found' });
  }
  const content = { title, preamble, sections, closing, fields };
  return { id, version: sha256Hex(canonicalJson(content)), ...content, warnings };
}

const SIGNATURE_WORDS = /签名|签字|签章|盖章|公章/;
const DATE_WORDS = /日期|年\s*[_＿]*\s*月\s*[_＿]*\s*日\s*$/;

function isClosingLine(line: string): boolean {
  // A closing line is short and names a signature or date place; clause text that merely mentions 签订 is not.
  return line.length <= 40 && (SIGNATURE_WORDS.test(line) || /^(签订|签署|承诺)?日期/.test(line)) && !/^\d/.test(line);
}

const BOX = /[□☐■☑]/;
const BLANK = /^[_＿]{2,}/;
const DATE_BLANK = /^[_＿]{2,}\s*年\s*[_＿]{2,}\s*月\s*[_＿]{2,}\s*日/;
const OPTION_END = /[□☐■☑_＿\s，。；：、,.;:]/;

/** Returns a function that replaces the blanks and choice groups of one text with `{{id}}` and records fields. */
function makeExtractor(fields: TemplateField[]) {
  const counters = new Map<string, number>();
  const nextId = (owner: string): string => {
    const n = (counters.get(owner) ?? 0) + 1;
    counters.set(owner, n);
    return `${owner}-${n}`;
  };

  return (owner: string, text: string, closing: boolean): TemplateBlock => {
    const own: string[] = [];
    let out = '';
    let i = 0;
    const add = (field: TemplateField): void => {
      fields.push(field);
      own.push(field.id);
      out += `{{${field.id}}}`;
    };
    while (i < text.length) {
      const rest = text.slice(i);
      const char = text[i] as string;
      if (BOX.test(char)) {
        const label = phraseBefore(out);
        const options: string[] = [];
        let otherOption: string | undefined;
        while (i < text.length && BOX.test(text[i] as string)) {
          let j = i + 1;
          while (j < text.length && !OPTION_END.test(text[j] as string)) j++;
          const option = text.slice(i + 1, j);
          options.push(option);
          i = j;
          const blank = BLANK.exec(text.slice(i));
          if (blank) {
            otherOption = option;
            i += blank[0].length;
            break;
          }
        }
        const field: TemplateField = { id: nextId(owner), kind: 'choice', label: label || '选项', options, required: true };
        if (otherOption !== undefined) field.otherOption = otherOption;
        add(field);
        continue;
      }
      const dateBlank = DATE_BLANK.exec(rest);
      const blank = dateBlank ?? BLANK.exec(rest);
      if (blank) {
        const before = lineBefore(out);
        const after = text.slice(i + blank[0].length);
        add(classifyBlank(closing ? 'closing' : owner, nextId, before, after, dateBlank !== null));
        i += blank[0].length;
        continue;
      }
      out += char;
      i++;
    }
    // A closing line that ends with its label and no blank ("承诺人签名：") still asks for a signature.
    if (closing) {
      out = out
        .split('\n')
        .map((line) => {
          if (/\{\{/.test(line) || !/[：:]$/.test(line)) return line;
          const field = classifyBlank('closing', nextId, line, '', false);
          fields.push(field);
          own.push(field.id);
          return `${line}{{${field.id}}}`;
        })
        .join('\n');
    }
    return { text: out, fields: own };
  };
}

function classifyBlank(
  owner: string,
  nextId: (owner: string) => string,
  before: string,
  after: string,
  isDate: boolean,
): TemplateField {
  const lineLabel = before.replace(/[：:\s]+$/, '');
  if (owner === 'closing' && SIGNATURE_WORDS.test(lineLabel)) {
    return { id: nextId('signature'), kind: 'signature', label: lineLabel, required: true };
  }
  if (isDate || (owner === 'closing' && DATE_WORDS.test(lineLabel))) {
    return { id: nextId(owner === 'closing' ? 'date' : owner), kind: 'date', label: lineLabel || '日期', valueType: 'date', required: true };
  }
  const unit = unitAfter(after);
  const label = labelAround(before, after);
  const field: TemplateField = {
    id: nextId(owner),
    kind: 'blank',
    label,
    valueType: unit?.valueType ?? valueTypeFromLabel(lineLabel) ?? 'text',
    required: true,
  };
  if (unit) field.unit = unit.unit;
  return field;
}

function lineBefore(out: string): string {
  return out.slice(out.lastIndexOf('\n') + 1);
}

function phraseBefore(out: string): string {
  return lineBefore(out).replace(/[：:\s]+$/, '').split(/[，。；、,.;]/).pop() ?? '';
}
