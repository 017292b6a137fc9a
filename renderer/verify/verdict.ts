import type { ArchiveProblem, VerifyCodeResult, VerifyResult } from '../../electron/shared/dto';
import type { Messages } from '../i18n/zh';

/** How a verdict looks: `ok` green (a true copy), `warn` amber (look closer), `bad` red (altered or unknown). */
export type VerdictTone = 'ok' | 'warn' | 'bad';

export interface VerdictText {
  tone: VerdictTone;
  headline: string;
  body: string;
  /** For a modified copy or a scan: whether the content hash it carries matches the record's. */
  hashLine?: { text: string; matches: boolean | null };
  /** The record to link to, when one was found. */
  recordId?: string;
}

/** The content-hash line of a modified copy or scan; `matches` is null when the file carried no hash. */
function hashLine(matches: boolean | undefined, t: Messages): { text: string; matches: boolean | null } {
  if (matches === undefined) return { text: t.verify.verdict.hashAbsent, matches: null };
  return { text: matches ? t.verify.verdict.hashMatch : t.verify.verdict.hashMismatch, matches };
}

/**
 * What `archive.verify` found, in words: 一致（原件）, 是记录 X 的修改副本 (with 内容摘要 一致/不一致), 扫描件，指向记录 X,
 * or 未知文件. A modified copy whose content hash differs is `bad`; one whose hash agrees, and any scan whose
 * hash agrees, is `warn` (the file is not the original, its content may still be); a verdict naming no
 * record (which should not happen) reads as unknown.
 */
export function fileVerdict(result: VerifyResult, t: Messages): VerdictText {
  const v = t.verify.verdict;
  const id = result.recordId;
  if (result.verdict === 'unknown' || id === undefined) return { tone: 'bad', headline: v.unknown, body: v.unknownBody };
  if (result.verdict === 'exact') return { tone: 'ok', headline: v.exact, body: v.exactBody(id), recordId: id };
  const line = hashLine(result.contentHashMatches, t);
  const tone: VerdictTone = line.matches === false ? 'bad' : 'warn';
  if (result.verdict === 'modified-copy') return { tone, headline: v.modified(id), body: v.modifiedBody, hashLine: line, recordId: id };
  return { tone, headline: v.scan(id), body: v.scanBody, hashLine: line, recordId: id };
}

/** What `archive.verifyCode` found, in words. */
export function codeVerdict(result: VerifyCodeResult, t: Messages): VerdictText {
  const c = t.verify.code;
  if (result.normalised === null) return { tone: 'bad', headline: c.malformed, body: c.malformedBody };
  const id = result.record?.id;
  if (result.verdict === 'unknown' || id === undefined) return { tone: 'bad', headline: c.unknown, body: c.unknownBody };
  if (result.verdict === 'match') return { tone: 'ok', headline: c.match(id), body: c.matchBody, recordId: id };
  return { tone: 'bad', headline: c.mismatch(id), body: c.mismatchBody, recordId: id };
}

/** Whole minutes and remaining seconds of an elapsed time (for "已用时 1 分 05 秒"). */
export function splitElapsed(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** A problem of "核验全部档案" in the UI language; one this version does not know yet is shown by its code. */
export function problemText(problem: string, t: Messages): string {
  return Object.hasOwn(t.archiveProblem, problem) ? t.archiveProblem[problem as ArchiveProblem] : problem;
}
