import type { Template } from '../../../shared/template';
import { CoreError } from '../../errors';
import { sha256Hex } from '../../util/sha256-hex';
import { parsePledge } from '../parse-pledge';
import { cleanText } from './clean-text';
import { splitPledges } from './split-pledges';

/**
 * Turns the text of a real-world document (a page scraped from a document site, a Word file, a paste) into
 * one template per pledge it holds. Stores nothing. A template's id comes from its title, so importing the
 * same pledge again gives a new version of the same template; its version is the hash of its content.
 */
export function importPledges(text: string): Template[] {
  const lines = cleanText(text);
  if (lines.length === 0) throw new CoreError('IMPORT_EMPTY', 'the document holds no text');
  const pledges = splitPledges(lines).filter((p) => p.lines.some((l) => /[\u4e00-\u9fff]/.test(l)));
  if (pledges.length === 0) throw new CoreError('IMPORT_EMPTY', 'no pledge text was found in the document');
  const seen = new Map<string, number>();
  return pledges.map((pledge) => {
    const base = `imp-${sha256Hex(pledge.title).slice(0, 10)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return parsePledge(n === 1 ? base : `${base}-${n}`, pledge.title, pledge.lines);
  });
}
