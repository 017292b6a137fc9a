/**
 * Pledges pasted as ONE line (title, preamble, clauses and signature block run together) are split back into
 * lines: before every clause marker that follows the end of a sentence, and before signature and date labels.
 * Lines that are already short are left alone.
 */
export function splitInline(lines: string[]): string[] {
  return lines.flatMap((line) => (line.length < 60 ? [line] : splitLine(line)));
}

const END = '[。；;！!？?：:”」』)）]';
const CN = '[一二三四五六七八九十]{1,3}';
const MARKER = [
  `第${CN}条`,
  `${CN}、`,
  `[（(]${CN}[)）]`,
  '\\d{1,2}(?:\\.\\d{1,2}){1,3}(?![\\d%％])',
  '\\d{1,2}[、.．](?![\\d%％])',
  '[（(]\\d{1,2}[)）]',
  '[①-⑳]',
].join('|');

/*
 * Both split points are empty matches (the blanks around them are trimmed off the parts afterwards), and the
 * look-ahead comes first. Why: the former `(?<=…)\s*(?=…)` retried from every blank of a long run, each try
 * scanning the rest of the run: 100,000 spaces took 10 s (found by the import fuzzer). Now only a position
 * where a marker or label starts looks back, once.
 */

/** Before a marker that follows a sentence end (blanks between them allowed). */
const BEFORE_MARKER = new RegExp(`(?=(?:${MARKER}))(?<=${END}\\s*)`, 'g');

/** Before a signature or date label ("承诺人（签字）：", "签订日期：", "日期："). */
const BEFORE_CLOSING = new RegExp(
  `(?=(?:承诺人|承诺单位|承诺方|法定代表人|负责人|签订日期|签署日期|日期)\\s*[（(]?[\\u4e00-\\u9fff]{0,4}[)）]?\\s*[：:])(?<=${END}\\s*|[_＿]{2}\\s*|\\s)`,
  'g',
);

function splitLine(line: string): string[] {
  const withTitle = splitTitle(line);
  return withTitle
    .flatMap((part) => part.split(BEFORE_MARKER))
    .flatMap((part) => part.split(BEFORE_CLOSING))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "…承诺书为了加强…" → ["…承诺书", "为了加强…"] when the title ends within the first 40 characters. */
function splitTitle(line: string): string[] {
  const m = /^(.{2,40}?(承诺书|承诺函|保证书|责任书|责任状|声明书))(?![\s\S]{0,2}[》”])/.exec(line);
  if (!m || m[1] === undefined || m[1].length >= line.length - 4) return [line];
  return [m[1], line.slice(m[1].length)];
}
