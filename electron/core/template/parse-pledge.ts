import type { Template, TemplateClause, TemplateField, TemplateSection, TemplateWarning } from '../../shared/template';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import { createFieldExtractor } from './extract-fields';
import { readMarker, type Scheme } from './numbering';

interface Node {
  scheme: Scheme | null;
  number: string;
  ordinal: number;
  lines: string[];
  children: Node[];
}

const TERMINAL = /[。！？；;!?…”』」）)：:]$|[_＿]{2,}$/;
const CLOSING_LINE =
  /^(立?承诺人|承诺单位|承诺方(?!类型)|承诺企业|承诺商户|保证人|声明人|法定代表人|负责人|委托代理人|经办人|联系人|联系电话|电话|手机|地址|身份证|统一社会信用代码|营业执照|签名|签字|签章|盖章|[（(](公章|盖章|签章|签字|单位盖章|签名)[)）]|签订日期|签署日期|日期|\d{4}\s*年|[_＿]+\s*年|20[xX_＿]{2}\s*年|年\s+月\s+日|二[〇○0零][一二三四五六七八九〇○0零]{1,2}\s*年)/;

/** True for a line of the closing block: a signature, seal, identity or date line. */
export function isClosingLine(line: string): boolean {
  const m = CLOSING_LINE.exec(line);
  if (!m || line.length > 80 || readMarker(line) !== null) return false;
  // "承诺人：", "承诺方（盖章）", "日期____": a label, not a sentence that merely starts with the same word.
  const after = line.slice(m[0].length);
  return line.length <= 16 || /^\s*([：:（(_＿]|$)/.test(after) || /年/.test(m[0]);
}

/**
 * Builds a template from the cleaned lines of ONE pledge (title already taken off). Clause markers nest in the
 * order their schemes first appear (一、 then 1.1 then (1) …); a marker whose number breaks its sequence right
 * after an unfinished sentence is a document viewer's chunk number and is dropped; trailing signature and date
 * lines form the closing block.
 */
export function parsePledge(id: string, title: string, lines: string[]): Template {
  let end = lines.length;
  while (end > 0 && isClosingLine(lines[end - 1] as string)) end--;
  const body = lines.slice(0, end);
  const closingLines = lines.slice(end);

  const root: Node = { scheme: null, number: '', ordinal: 0, lines: [], children: [] };
  const preamble: string[] = [];
  let path: Node[] = [];
  const schemeLevels: Scheme[] = [];
  let previous = '';
  for (const line of body) {
    const marker = readMarker(line);
    const current = path[path.length - 1];
    if (marker) {
      const level = schemeLevels.indexOf(marker.scheme);
      const sibling = level === -1 || level >= path.length ? undefined : path[level];
      const expected = sibling ? sibling.ordinal + 1 : 1;
      const unfinished = previous !== '' && !TERMINAL.test(previous);
      const isNoise = current !== undefined && unfinished && marker.ordinal !== expected && level !== -1;
      if (!isNoise) {
        // A known scheme deeper than the current path (its parent level was skipped) nests under the current node.
        const depth = level === -1 ? path.length : Math.min(level, path.length);
        if (level === -1) schemeLevels.splice(path.length, schemeLevels.length, marker.scheme);
        const node: Node = { scheme: marker.scheme, number: marker.number, ordinal: marker.ordinal, lines: [marker.rest], children: [] };
        (depth === 0 ? root : (path[depth - 1] as Node)).children.push(node);
        path = [...path.slice(0, depth), node];
        previous = line;
        continue;
      }
      // A viewer's chunk number inside a sentence: keep the words, drop the number.
      const lines = (current as Node).lines;
      lines[lines.length - 1] += marker.rest;
      previous = marker.rest;
      continue;
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
    previous = line;
  }

  // A pledge without any numbering: every paragraph after the first is a section of its own.
  if (root.children.length === 0 && preamble.length > 1) {
    for (const line of preamble.splice(1)) root.children.push({ scheme: null, number: '', ordinal: 0, lines: [line], children: [] });
  }

  const fields: TemplateField[] = [];
  const extract = createFieldExtractor(fields);
  const used = new Set<string>();
  const ownerFor = (prefix: string, ordinals: number[]): string => {
    let owner = `${prefix}${ordinals.join('.')}`;
    for (let n = 2; used.has(owner); n++) owner = `${prefix}${ordinals.join('.')}_${n}`;
    used.add(owner);
    return owner;
  };

  const pre = extract('pre', preamble.join('\n'), false);
  const sections: TemplateSection[] = root.children.map((node, index) => {
    const ordinal = node.ordinal || index + 1;
    const sOwner = ownerFor('s', [ordinal]);
    const [first = '', ...more] = node.lines;
    const isHeading = first.length <= 30 && !TERMINAL.test(first) && (node.children.length > 0 || more.length > 0);
    const heading = extract(`${sOwner}h`, isHeading ? first : '', false);
    const text = extract(sOwner, (isHeading ? more : node.lines).join('\n'), false);
    const clause = (child: Node, ordinals: number[], position: number): TemplateClause => {
      const mine = [...ordinals, child.ordinal || position + 1];
      const own = extract(ownerFor('c', mine), child.lines.join('\n'), false);
      return { number: child.number, text: own.text, fields: own.fields, children: child.children.map((c, i) => clause(c, mine, i)) };
    };
    return {
      number: node.number,
      heading: heading.text,
      text: text.text,
      fields: [...heading.fields, ...text.fields],
      clauses: node.children.map((c, i) => clause(c, [ordinal], i)),
    };
  });
  // Every pledge must be signable: where the document has no signature or date line, add the usual ones.
  const hasSignature = (lines: string[]): boolean => lines.some((l) => /签名|签字|签章|盖章|公章|^承诺(人|单位|方)/.test(l));
  const hasDate = (lines: string[]): boolean => lines.some((l) => /日期|年\s*[_＿\sxX]*月/.test(l));
  const addedSignature = !hasSignature(closingLines);
  const addedDate = !hasDate(closingLines);
  if (addedSignature) closingLines.push('承诺人签名：');
  if (addedDate) closingLines.push('签订日期：');
  const closing = extract('closing', closingLines.join('\n'), true);

  const warnings: TemplateWarning[] = [];
  const lastBody = body[body.length - 1] ?? '';
  if (closingLines.length === 0 && lastBody !== '' && !TERMINAL.test(lastBody)) {
    warnings.push({ code: 'truncated', message: 'the pledge ends mid-sentence without a signature line: it may be cut off' });
  }
  if (addedSignature) {
    warnings.push({ code: 'no-signature-line', message: 'no signature line (签名/签字/盖章) was found; a 承诺人签名 line was added' });
  }
  if (addedDate) warnings.push({ code: 'no-date-line', message: 'no signing date line was found; a 签订日期 line was added' });
  if (sections.length === 0) warnings.push({ code: 'no-clauses', message: 'no numbered clauses were found' });

  const content = { title, preamble: pre, sections, closing, fields };
  return { id, version: templateVersion(content), ...content, warnings };
}

/** Hex SHA-256 of a template's canonical content (not its id, version or warnings): its version. */
export function templateVersion(content: Pick<Template, 'title' | 'preamble' | 'sections' | 'closing' | 'fields'>): string {
  const { title, preamble, sections, closing, fields } = content;
  return sha256Hex(canonicalJson({ title, preamble, sections, closing, fields }));
}
