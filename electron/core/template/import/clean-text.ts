import { splitInline } from './split-inline';

/**
 * Cleans text pasted or extracted from a document site, a Word file or a web page, without touching the
 * pledge's own words: site chrome, Word field-code residue, anti-copy injections and Markdown syntax go;
 * full-width digits and spaces are normalised; line structure is kept. Returns the remaining non-empty lines.
 */
export function cleanText(raw: string): string[] {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\t\u2002\u2003\u2009]/g, ' ')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FIELD_CODE, '')
    .replace(PINYIN, '$1')
    .replace(/([\u3400-\u9fff])[`'](?=[\u3400-\u9fff，。；：、！？）》”])/g, '$1')
    // Braces would read as field placeholders ({{id}}); pledges never use them, so make them full-width.
    .replace(/\{/g, '｛')
    .replace(/\}/g, '｝')
    .replace(/<<([^<>\n]{1,40})>>/g, '《$1》')
    .replace(/\*\*/g, '');

  const out: string[] = [];
  let inList = false;
  // One-line pastes are split at their clause markers first, so junk is judged line by line.
  for (const rawLine of splitInline(text.split('\n'))) {
    // Why trim(), not /^\s+|\s+$/: the end-anchored alternative retries at every space of a long run (quadratic).
    // JavaScript's \s and trim() both take U+3000, the ideographic space.
    const line = rawLine.trim().replace(/ {2,}/g, ' ');
    // A list of related documents may have blank lines between its items (HTML <li>): it goes on.
    if (line === '') continue;
    if (LIST_HEADING.test(line)) {
      inList = true;
      continue;
    }
    const bullet = /^([-*•·]\s+)/.exec(line);
    // A list of related documents goes on until a line that is pledge text again: a clause, a long line, or a
    // title (…承诺书) that is not itself a list entry ending in a date ("…承诺书范文06-24").
    if (inList && (bullet || FILE_NAME.test(line) || LIST_DATE.test(line) || (line.length <= 60 && !PLEDGE_LINE.test(line)))) continue;
    inList = false;
    const content = bullet ? line.slice(bullet[1]?.length) : line;
    if (/^(-{3,}|\*{3,}|_{3,}\s*$|={3,})$/.test(content) && !/^_{3,}$/.test(content)) continue;
    if (isBoilerplate(content)) continue;
    out.push(toFullWidthPunctuation(content));
  }
  return out;
}

/**
 * Word field codes left in exported text: 第=PAGE1*2-11页(共=NUMPAGES1*22页), PAGE, MERGEFORMAT …
 * Why the look-behind and `[^\S\n]`: without them a match was tried from every position of a long run of
 * blanks, each try scanning the rest of the run, so 360,000 spaces took minutes (found by the import fuzzer).
 * A match now starts only at 第 or where a run of blanks starts, as the leftmost match did anyway.
 */
const FIELD_CODE =
  /(?:第|(?<!\s))\s*=\s*PAGE\s*\d*\s*(\*\s*\d+\s*)?(-\s*\d+\s*)?页?\s*[(（]?\s*共?\s*=?\s*(NUMPAGES\s*\d*\s*(\*\s*\d+\s*)?(-\s*\d+\s*)?)?页?\s*[)）]?|^[^\S\n]*(PAGE|NUMPAGES|MERGEFORMAT|\\\*[^\S\n]*MERGEFORMAT)[^\S\n]*$/gm;

/** Pinyin injected after a character as an anti-copy measure: 書(shū), 企業(yè). Needs a tone mark, so "(a)" stays. */
const PINYIN = /([\u3400-\u9fff])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńň][a-zü]*)[)）]/g;

const LIST_HEADING = /^(您可能关注的文档|最近下载|相关文章|相关文档|相关推荐|猜你喜欢|热门文档|推荐文档|精品文档|相关资料|更多相关)/;
const LIST_DATE = /(\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}\s*$/;
const PLEDGE_LINE = /承诺书|承諾書|保证书|责任书|声明书|承诺函|^[一二三四五六七八九十]+、|^\d+(\.\d+)*[、.．]|^第[一二三四五六七八九十]+条/;
const FILE_NAME = /\.(docx?|pptx?|xlsx?|pdf|txt|wps|rar|zip)(\s*VIP)?\s*$/i;

const BOILERPLATE = [
  /原创力文档|book118|道客巴巴|豆丁网|百度文库|人人文库|文档投稿赚钱/i,
  /VIP.{0,20}(下载|文档|会员|权益)|(下载|文档|会员).{0,20}VIP/,
  /本站|本网站|该文档|此文档|文档(贡献者|评论|简介|格式|预览)|二次下载|版权申诉|侵权必究|举报电话|付费|下载本文档|点击.{0,10}下载|立即下载|下载积分/,
  /已阅读\s*\d+\s*页|还剩\s*\d+\s*页|上一篇|下一篇|分享到|加入收藏|浏览量|阅读量|来源[:：]|发布时间[:：]|\d+(\.\d+)?[wW万]?\s*(次)?(浏览|阅读|下载)/,
  /^(第\s*\d+\s*页|共\s*\d+\s*页|\d+\s*页)$/,
  /^(PAGE|NUMPAGES)$/,
  /copyright|©|版权所有|all rights reserved|ICP备|公网安备/i,
];

function isBoilerplate(line: string): boolean {
  if (FILE_NAME.test(line) && line.length < 120) return true;
  return BOILERPLATE.some((re) => re.test(line));
}

/**
 * ASCII punctuation typed where full-width is meant ("承诺人签名:"), turned full-width when it sits next to
 * a Han character. Dots are left alone: they are clause numbers and decimals.
 */
const HAN = '[\\u3400-\\u9fff《》“”%＿_]';
const ASCII_PUNCT = /[,;:!?()]/;
const FULL_WIDTH: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`(${HAN})\\s*,\\s*`, 'g'), '$1，'],
  [new RegExp(`(${HAN})\\s*;\\s*`, 'g'), '$1；'],
  [new RegExp(`(${HAN})\\s*:\\s*`, 'g'), '$1：'],
  [new RegExp(`(${HAN})\\s*!`, 'g'), '$1！'],
  [new RegExp(`(${HAN})\\s*\\?`, 'g'), '$1？'],
];
const HAN_CHAR = new RegExp(HAN);

function toFullWidthPunctuation(line: string): string {
  if (!ASCII_PUNCT.test(line)) return line;
  let out = line;
  for (const [pattern, replacement] of FULL_WIDTH) out = out.replace(pattern, replacement);
  return out.replace(/\(([^()]{0,40})\)/g, (whole, inner: string) =>
    HAN_CHAR.test(whole) || /^\s*\d{1,2}\s*$/.test(inner) ? `（${inner}）` : whole,
  );
}
