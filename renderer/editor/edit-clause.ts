import type { Template } from '../../electron/shared/template';
import type { ClausePath } from './clause-path';
import { isSectionPath, replaceClause, replaceSection, textNodeAt } from './clause-path';
import { samePlaceholders } from './field-order';

/** Sets the number of the clause (or section) at `path`, as written: `3.1`, `（二）`, `1、`. */
export function setClauseNumber(template: Template, path: ClausePath, number: string): Template {
  if (isSectionPath(path)) return replaceSection(template, path.section, (section) => ({ ...section, number }));
  return replaceClause(template, path, (clause) => ({ ...clause, number }));
}

/**
 * Sets the wording of the clause (or flat section) at `path`. Null when the new text does not keep every `{{id}}` placeholder
 * of the old one, unchanged and in order: fields are edited through their chips, never by typing braces.
 */
export function setClauseText(template: Template, path: ClausePath, text: string): Template | null {
  const clause = textNodeAt(template, path);
  if (!clause || !samePlaceholders(clause.text, text)) return null;
  if (isSectionPath(path)) return replaceSection(template, path.section, (section) => ({ ...section, text }));
  return replaceClause(template, path, (c) => ({ ...c, text }));
}

/** Sets the title (kept as typed; the save check rejects an empty one). */
export function setTitle(template: Template, title: string): Template {
  return { ...template, title };
}
