import type { Template, TemplateClause, TemplateSection } from '../../electron/shared/template';

/**
 * Where a clause sits: the index of its top-level section, then its index in each clause list on the way
 * down (`[0]` is the section's first clause, `[0, 2]` that clause's third child). An empty `clauses` names
 * the section itself: in "1、…" pledges a top-level section without sub-clauses is the clause.
 */
export interface ClausePath {
  section: number;
  clauses: readonly number[];
}

export const pathKey = (path: ClausePath): string => `${path.section}:${path.clauses.join('.')}`;

export function samePath(a: ClausePath | null, b: ClausePath | null): boolean {
  return a !== null && b !== null && pathKey(a) === pathKey(b);
}

/** True for a path that names a top-level section rather than a clause inside one. */
export const isSectionPath = (path: ClausePath): boolean => path.clauses.length === 0;

/** A top-level section with no sub-clauses: its body text is edited, merged and split like a clause. */
export const isFlatSection = (section: TemplateSection | undefined): boolean => section !== undefined && section.clauses.length === 0;

/**
 * The numbered text at `path`: a clause, or a flat section seen as a clause (its body text; children none).
 * Undefined when the path leads nowhere or names a section that has sub-clauses.
 */
export function textNodeAt(template: Template, path: ClausePath): TemplateClause | undefined {
  if (!isSectionPath(path)) return clauseAt(template, path);
  const section = template.sections[path.section];
  if (!section || !isFlatSection(section)) return undefined;
  return { number: section.number, text: section.text, fields: section.fields, children: [] };
}

/** A copy of `template` with section `index` replaced by `change(section)`. */
export function replaceSection(template: Template, index: number, change: (section: TemplateSection) => TemplateSection): Template {
  const section = template.sections[index];
  if (!section) return template;
  return { ...template, sections: template.sections.map((s, i) => (i === index ? change(s) : s)) };
}

/** The clause at `path`, or undefined when the path leads nowhere. */
export function clauseAt(template: Template, path: ClausePath): TemplateClause | undefined {
  let list = template.sections[path.section]?.clauses;
  let found: TemplateClause | undefined;
  for (const index of path.clauses) {
    found = list?.[index];
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

/** The list that holds the clause at `path` (its siblings and itself), or undefined. */
export function siblingsAt(template: Template, path: ClausePath): readonly TemplateClause[] | undefined {
  if (path.clauses.length === 0) return undefined;
  const parentPath = { section: path.section, clauses: path.clauses.slice(0, -1) };
  if (parentPath.clauses.length === 0) return template.sections[path.section]?.clauses;
  return clauseAt(template, parentPath)?.children;
}

/**
 * A copy of `template` whose clause list holding `path` is replaced by `change(list, index)`; every object
 * on the way is copied, nothing is mutated. Returns the template unchanged when the path leads nowhere.
 */
export function replaceSiblings(
  template: Template,
  path: ClausePath,
  change: (siblings: readonly TemplateClause[], index: number) => TemplateClause[],
): Template {
  const section = template.sections[path.section];
  const [first, ...rest] = path.clauses;
  if (!section || first === undefined) return template;
  const inList = (list: readonly TemplateClause[], index: number, below: readonly number[]): TemplateClause[] | null => {
    if (index < 0 || index >= list.length) return null;
    const [next, ...deeper] = below;
    if (next === undefined) return change(list, index);
    const clause = list[index] as TemplateClause;
    const children = inList(clause.children, next, deeper);
    if (!children) return null;
    return list.map((c, i) => (i === index ? { ...clause, children } : c));
  };
  const clauses = inList(section.clauses, first, rest);
  if (!clauses) return template;
  return { ...template, sections: template.sections.map((s, i) => (i === path.section ? { ...section, clauses } : s)) };
}

/** A copy of `template` with the clause at `path` replaced by `change(clause)`. */
export function replaceClause(template: Template, path: ClausePath, change: (clause: TemplateClause) => TemplateClause): Template {
  return replaceSiblings(template, path, (list, index) => list.map((c, i) => (i === index ? change(c) : c)));
}
