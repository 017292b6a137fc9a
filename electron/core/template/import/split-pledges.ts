import { readMarker } from '../numbering';
import { isClosingLine } from '../parse-pledge';

export interface PledgeSource {
  title: string;
  lines: string[];
}

const KIND = '承诺书|承诺函|保证书|责任书|责任状|声明书|协议书|承诺|承諾書|保證書|責任書';
/** "电商平台服务保障承诺书第（1）篇", "篇一", "范文二": marks of one pledge in a collection. */
const ORDINAL_MARK = /(第\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）]?\s*篇|篇\s*[一二三四五六七八九十\d]+|范文\s*[一二三四五六七八九十\d]+|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]$)\s*$/;
/** "…承诺书7篇", "…（8篇）", "…范本(完整版可下载)": a collection's page title. */
const COLLECTION = /(\d+\s*篇|[（(]\s*\d+\s*篇\s*[)）]|\[\s*\d+\s*篇\s*\]|合集|范本|模板|大全|汇编|精选)/;
const TITLE = new RegExp(`^[^。；;，,：:]{0,40}?(${KIND})[^。；;，,：:]{0,12}$`);

/** Title text without collection and ordinal decorations: "…承诺书第（1）篇" → "…承诺书". */
export function cleanTitle(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')    .replace(ORDINAL_MARK, '')
    .replace(/[（([]\s*(\d+\s*篇|完整版[^）)\]]*|[^）)\]]*可下载[^）)\]]*)\s*[)）\]]/g, '')
    .replace(/\s*[-—]\s*\d+字$/, '')
    .replace(/\d+\s*篇$|(范本|模板|大全|汇编|精选)+\d*$/, '')
    .trim();
}

function isTitleLine(raw: string): boolean {
  // "# 网络交易经营者承诺书": a Markdown heading that is the title, not a clause.
  const line = raw.replace(/^#{1,6}\s+(?=\S*(承诺书|承諾書|保证书|责任书|声明书))/, '');
  return line.length <= 50 && readMarker(line) === null && !isClosingLine(line) && (TITLE.test(line) || /^(篇\s*[一二三四五六七八九十\d]+|范文\s*[一二三四五六七八九十\d]+|第\s*[（(]?\s*\d+\s*[)）]?\s*篇)$/.test(line));
}

/**
 * Splits a cleaned document into its pledges. A pledge starts at a title line (…承诺书, …保证书, "第(2)篇",
 * "范文二") once the current pledge has body text; a title repeated before any clause (page title, then the
 * template's own title) stays one pledge, and a collection's page title ("…承诺书7篇") only names the first.
 */
export function splitPledges(lines: string[]): PledgeSource[] {
  const pledges: PledgeSource[] = [];
  let current: PledgeSource | null = null;
  let hasBody = false;
  for (const line of lines) {
    if (isTitleLine(line)) {
      const title = cleanTitle(line);
      const isCollection = COLLECTION.test(line) && !ORDINAL_MARK.test(line);
      if (current && !hasBody) {
        // Still in the head of a pledge: keep the most specific title.
        if (title && !isCollection) current.title = title;
        continue;
      }
      current = { title: title || (current as PledgeSource | null)?.title || '承诺书', lines: [] };
      pledges.push(current);
      hasBody = false;
      continue;
    }
    if (!current) {
      current = { title: '', lines: [] };
      pledges.push(current);
    }
    current.lines.push(line);
    hasBody = true;
  }
  // A collection's list of pledge titles with no body between them leaves empty pledges: drop them.
  return pledges
    .filter((p) => p.lines.length > 0)
    .map((p) => (p.title ? p : { title: p.lines.length > 1 && (p.lines[0] as string).length <= 40 ? (p.lines.shift() as string) : '承诺书', lines: p.lines }));
}
