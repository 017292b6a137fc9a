import type { Template } from '../../electron/shared/template';
import { FIELD_PLACEHOLDER } from '../../electron/shared/template';
import type { ClausePath } from './clause-path';
import { isSectionPath, replaceSiblings, textNodeAt } from './clause-path';
import { normalizeFields } from './field-order';

/** The mark added to a clause number for the second half of a split: `3.1` → `3.1′`. */
export const PRIME = '′';

export const primeNumber = (number: string): string => `${number}${PRIME}`;

/** A caret inside a `{{id}}` placeholder moves to its end: a placeholder is never cut in two. */
export function snapCaret(text: string, caret: number): number {
  const at = Math.max(0, Math.min(text.length, Math.trunc(caret)));
  for (const match of text.matchAll(FIELD_PLACEHOLDER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (at > start && at < end) return end;
  }
  return at;
}

/**
 * The two texts of a split at `caret`: whitespace at the cut (a line break, spaces) is dropped, the words
 * are not touched. Null when either part would be empty.
 */
export function splitText(text: string, caret: number): [string, string] | null {
  const at = snapCaret(text, caret);
  const first = text.slice(0, at).replace(/\s+$/u, '');
  const second = text.slice(at).replace(/^\s+/u, '');
  return first === '' || second === '' ? null : [first, second];
}

/**
 * Splits the clause at `path` in two at `caret` (an index into its text). The first keeps the number; the
 * second gets `secondNumber`, or the first's number with a prime. Fields follow the text part that holds
 * their placeholders; children follow the second clause, so document order is unchanged. Null when the
 * caret is at either end of the text (nothing to split off) or the path leads nowhere. A flat section
 * splits into two sections; the second has no heading.
 */
export function splitClause(template: Template, path: ClausePath, caret: number, secondNumber?: string): Template | null {
  const clause = textNodeAt(template, path);
  if (!clause) return null;
  const parts = splitText(clause.text, caret);
  if (!parts) return null;
  const number = secondNumber?.trim() ? secondNumber.trim() : primeNumber(clause.number);
  if (isSectionPath(path)) {
    const section = template.sections[path.section];
    if (!section) return null;
    const sections = [...template.sections];
    sections.splice(
      path.section,
      1,
      { ...section, text: parts[0] },
      { number, heading: '', text: parts[1], fields: [], clauses: [] },
    );
    return normalizeFields({ ...template, sections });
  }
  const split = replaceSiblings(template, path, (list, index) => [
    ...list.slice(0, index),
    { number: clause.number, text: parts[0], fields: [], children: [] },
    { number, text: parts[1], fields: [], children: clause.children },
    ...list.slice(index + 1),
  ]);
  return normalizeFields(split);
}
