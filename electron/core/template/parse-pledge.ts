import type { Template, TemplateClause, TemplateField, TemplateSection, TemplateWarning } from '../../shared/template';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import { createFieldExtractor } from './extract-fields';
import { readMarker, type Marker, type Scheme } from './numbering';

interface Node {
  scheme: Scheme | null;
  number: string;
  ordinal: number;
  lines: string[];
  children: Node[];
}

const TERMINAL = /[。！？；;!?…”』」）)：:]$|[_＿]{2,}$/;
const CLOSING_LINE =
  /^(立?承[诺諾]人|承[诺諾](单位|單位|方(?!类型|類型)|企业|企業|商户|商戶)|保证人|保證人|声明人|聲明人|法定代表人|法人代表|负责人|負責人|委托代理人|经办人|經辦人|联系人|聯繫人|联系电话|聯繫電話|电话|電話|手机|手機|地址|身份证|身份證|统一社会信用代码|營業執照|营业执照|签名|签字|签章|盖章|簽名|簽字|簽章|蓋章|[（(](公章|盖章|签章|签字|单位盖章|签名|蓋章|簽字|簽名)[)）]|签订日期|签署日期|簽訂日期|日期|\d{4}\s*年|[_＿]+\s*年|20[xX_＿]{2}\s*年|年\s*月\s*日|二[〇○0零][一二三四五六七八九〇○0零]{1,2}\s*年|日$)/;
const SIGN_WORD = /^\s*[（(]?(签名|签字|签章|盖章|公章|簽名|簽字|簽章|蓋章)[)）]?/;

/** True for a line of the closing block: a signature, seal, identity or date line. */
export function isClosingLine(raw: string): boolean {
  // "承 诺 人（签字）": spaces inside the words do not make it prose.
  const line = raw.replace(/(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff（(])/g, '');
  const m = CLOSING_LINE.exec(line);
  if (!m || line.length > 80 || readMarker(line) !== null) return false;
  // "承诺人：", "法定代表人签字：", "承诺方（盖章）", "日期____": a label, not a sentence that starts with the same word.
  const after = line.slice(m[0].length).replace(SIGN_WORD, '');
  // Signers laid out as columns: "承诺人（签字） 法定代表人（签字）".
  return line.length <= 16 || /^\s*([：:（(_＿]|$)/.test(after) || /年/.test(m[0]) || CLOSING_LINE.test(after.trim());
}

/** Instructions after (or before) a pledge: "填表说明", "填写说明", "注意事项" and the list under them. */
const INSTRUCTIONS = /^(填表说明|填写说明|注意事项|使用说明|说明)[：:]?$/;

/**
 * Lines a document viewer or a page break broke apart: a lone chunk number ("2、"), and a line that starts
 * with punctuation no paragraph starts with ("、发生…" after "四") joined back onto the line before it.
 */
function mendBreaks(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (/^\d{1,3}[、.．]?$/.test(line)) continue;
    if (out.length > 0 && /^[、，。；：！？）》」”]/.test(line)) out[out.length - 1] += line;
    else out.push(line);
  }
  return out;
}

/**
 * Builds a template from the cleaned lines of ONE pledge (title already taken off). Clause markers nest in the
 * order their schemes first appear (一、 then 1.1 then (1) …); a marker whose number breaks its sequence right
 * after an unfinished sentence is a document viewer's chunk number and is dropped; trailing signature and date
 * lines form the closing block.
 */
export function parsePledge(id: string, title: string, input: string[]): Template {
  let lines = mendBreaks(input);
  const instructions = lines.findIndex((l, i) => i > 0 && INSTRUCTIONS.test(l));
  if (instructions > 0 && lines.slice(0, instructions).some(isClosingLine)) lines = lines.slice(0, instructions);
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
    const marker = readMarker(line) ?? typoMarker(line, path, schemeLevels);
    const current = path[path.length - 1];
    if (marker) {
      const level = schemeLevels.indexOf(marker.scheme);
      const sibling = level === -1 || level >= path.length ? undefined : path[level];
      const expected = sibling ? sibling.ordinal + 1 : 1;
      const unfinished = previous !== '' && !TERMINAL.test(previous);
      // A viewer's chunk numbers look like "1、": mid-sentence, out of sequence, or of a scheme not used so far.
      const isNoise =
        current !== undefined && unfinished && (level !== -1 ? marker.ordinal !== expected : marker.scheme === 'arabic-dun');
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
  // The closing block is extracted a second time when lines are added; its ids must start again.
  const extractAgain = (owner: string, text: string) => createFieldExtractor(fields)(owner, text, true);
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
  const hadClosing = closingLines.length > 0;
  let closing = extract('closing', closingLines.join('\n'), true);
  // Every pledge must be signable: where the document has no signature or date place, add the usual ones
  // (the signature line above the date line).
  const kinds = new Set(closing.fields.map((id) => fields.find((f) => f.id === id)?.kind));
  const addedSignature = !kinds.has('signature');
  const addedDate = !kinds.has('date');
  if (addedSignature || addedDate) {
    fields.splice(fields.length - closing.fields.length, closing.fields.length);
    const firstDate = closingLines.findIndex((l) => /日期|年\s*[_＿\sxX]*月|^日$/.test(l));
    if (addedSignature) closingLines.splice(firstDate === -1 ? closingLines.length : firstDate, 0, '承诺人签名：');
    if (addedDate) closingLines.push('签订日期：');
    closing = extractAgain('closing', closingLines.join('\n'));
  }

  const warnings: TemplateWarning[] = [];
  const lastBody = body[body.length - 1] ?? '';
  if (!hadClosing && lastBody !== '' && !TERMINAL.test(lastBody)) {
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

/** "10合同期满…": a number that continues a 1、2、… sequence but lost its 、 (a typo the note lists). */
function typoMarker(line: string, path: Node[], schemes: Scheme[]): Marker | null {
  const m = /^(\d{1,2})(?=[\u4e00-\u9fff])/.exec(line);
  if (!m) return null;
  const level = schemes.indexOf('arabic-dun');
  const sibling = level === -1 ? undefined : path[level];
  if (!sibling || sibling.ordinal + 1 !== Number(m[1])) return null;
  return { scheme: 'arabic-dun', number: `${m[1]}、`, ordinal: Number(m[1]), rest: line.slice(m[0].length) };
}
