import type { Template, TemplateClause } from './template';

/** One clause a signer confirms: a leaf of the template's structure. */
export interface ClauseEntry {
  /**
   * Position path, 1-based: `2` is the second section (when it has no clauses), `2.3` its third clause,
   * `2.3.1` that clause's first child. Stable for a template version; stored with acknowledgements.
   */
  key: string;
  /** The marker as written (`1.1`, `（二）`, `一、`). */
  number: string;
  sectionIndex: number;
  text: string;
  fields: string[];
}

/** Every leaf clause of a template in document order, with its key. */
export function clauseIndex(template: Pick<Template, 'sections'>): ClauseEntry[] {
  const out: ClauseEntry[] = [];
  template.sections.forEach((section, s) => {
    if (section.clauses.length === 0) {
      out.push({ key: `${s + 1}`, number: section.number, sectionIndex: s, text: `${section.heading}\n${section.text}`.trim(), fields: section.fields });
      return;
    }
    const walk = (clause: TemplateClause, path: string): void => {
      if (clause.children.length === 0) out.push({ key: path, number: clause.number, sectionIndex: s, text: clause.text, fields: clause.fields });
      else clause.children.forEach((child, i) => walk(child, `${path}.${i + 1}`));
    };
    section.clauses.forEach((clause, i) => walk(clause, `${s + 1}.${i + 1}`));
  });
  return out;
}

/** The key of the leaf clause that holds each field (fields of the preamble and closing have none). */
export function clauseOfField(template: Pick<Template, 'sections'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of clauseIndex(template)) for (const id of entry.fields) map.set(id, entry.key);
  return map;
}
