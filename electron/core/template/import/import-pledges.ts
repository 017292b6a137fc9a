import type { Template } from '../../../shared/template';
import { CoreError } from '../../errors';
import { sha256Hex } from '../../util/sha256-hex';
import { parsePledge } from '../parse-pledge';
import { cleanText } from './clean-text';
import { splitPledges } from './split-pledges';

/**
 * Longest line kept for parsing, in UTF-16 code units. A pledge pasted as one line has been split at its
 * clauses by `cleanText` already; a line still longer than this is not pledge text.
 */
export const MAX_LINE_CHARS = 20_000;

/** Most lines one pledge may have: real ones have tens (the template editor allows 500 clauses per list). */
export const MAX_PLEDGE_LINES = 2_000;

/**
 * Turns the text of a real-world document (a page scraped from a document site, a Word file, a paste) into
 * one template per pledge it holds. Stores nothing. A template's id comes from its title, so importing the
 * same pledge again gives a new version of the same template; its version is the hash of its content.
 *
 * Why the two limits (IMPORT_TOO_LARGE): field and clause parsing costs grow faster than linearly with the
 * length of a line and the number of lines of a pledge, so a 100,000-character line of blanks or 30,000
 * one-line clauses took from 2 s to minutes (found by the import fuzzer). Within the limits every import
 * stays well under a second; real pledges are far inside them.
 */
export function importPledges(text: string): Template[] {
  const lines = cleanText(text);
  if (lines.length === 0) throw new CoreError('IMPORT_EMPTY', 'the document holds no text');
  const long = lines.find((l) => l.length > MAX_LINE_CHARS);
  if (long !== undefined) throw new CoreError('IMPORT_TOO_LARGE', `a line of ${long.length} characters is longer than ${MAX_LINE_CHARS}: not pledge text`);
  const pledges = splitPledges(lines).filter((p) => p.lines.some((l) => /[\u4e00-\u9fff]/.test(l)));
  if (pledges.length === 0) throw new CoreError('IMPORT_EMPTY', 'no pledge text was found in the document');
  const huge = pledges.find((p) => p.lines.length > MAX_PLEDGE_LINES);
  if (huge) throw new CoreError('IMPORT_TOO_LARGE', `the pledge "${huge.title.slice(0, 40)}" has ${huge.lines.length} lines, more than ${MAX_PLEDGE_LINES}`);
  // Pledges of one collection often share a title ("…承诺书第(1)篇", "第(2)篇"): number them so that they
  // can be told apart in the template list, and so that each gets an id of its own.
  const counts = new Map<string, number>();
  for (const p of pledges) counts.set(p.title, (counts.get(p.title) ?? 0) + 1);
  const seen = new Map<string, number>();
  return pledges.map((pledge) => {
    const n = (seen.get(pledge.title) ?? 0) + 1;
    seen.set(pledge.title, n);
    const title = (counts.get(pledge.title) ?? 0) > 1 ? `${pledge.title}（第${n}篇）` : pledge.title;
    return parsePledge(`imp-${sha256Hex(title).slice(0, 10)}`, title, pledge.lines);
  });
}
