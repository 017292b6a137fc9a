import type { Template } from '../../electron/shared/template';
import type { ClausePath } from './clause-path';
import { isFlatSection, isSectionPath, replaceSiblings, siblingsAt } from './clause-path';
import { normalizeFields } from './field-order';

/**
 * True when the clause at `path` has a next sibling to merge with. A flat section (no sub-clauses) merges
 * with the next section when that one is flat too and has no heading of its own to lose.
 */
export function canMergeWithNext(template: Template, path: ClausePath): boolean {
  if (isSectionPath(path)) {
    const next = template.sections[path.section + 1];
    return isFlatSection(template.sections[path.section]) && next !== undefined && isFlatSection(next) && next.heading.trim() === '';
  }
  const siblings = siblingsAt(template, path);
  const index = path.clauses[path.clauses.length - 1];
  return siblings !== undefined && index !== undefined && index + 1 < siblings.length;
}

/**
 * Merges the clause at `path` with its next sibling: the texts are joined with no separator, the field
 * lists and the children of both are kept in order, and the first clause's number stays. The template's
 * field order is then recomputed from the texts (the second clause's fields now come before the first
 * clause's children). Returns the template unchanged when there is no next sibling.
 */
export function mergeWithNext(template: Template, path: ClausePath): Template {
  if (!canMergeWithNext(template, path)) return template;
  if (isSectionPath(path)) {
    const [a, b] = [template.sections[path.section], template.sections[path.section + 1]];
    if (!a || !b) return template;
    const sections = [...template.sections];
    sections.splice(path.section, 2, { ...a, text: a.text + b.text, fields: [...a.fields, ...b.fields] });
    return normalizeFields({ ...template, sections });
  }
  const merged = replaceSiblings(template, path, (list, index) => {
    const a = list[index];
    const b = list[index + 1];
    if (!a || !b) return [...list];
    const joined = { number: a.number, text: a.text + b.text, fields: [...a.fields, ...b.fields], children: [...a.children, ...b.children] };
    return [...list.slice(0, index), joined, ...list.slice(index + 2)];
  });
  return normalizeFields(merged);
}
