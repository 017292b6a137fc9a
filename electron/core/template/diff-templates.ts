import type { ClauseChange } from '../../shared/dto';
import type { Template, TemplateClause } from '../../shared/template';

/**
 * Which clauses differ between two versions of a template. Clauses are matched by their section's number and
 * their own number as written (positions shift when a clause is inserted; numbers are what people refer to);
 * a clause whose text changed, appeared or disappeared is listed, in the newer version's order.
 */
export function diffTemplates(before: Template, after: Template): ClauseChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: ClauseChange[] = [];
  for (const [key, entry] of b) {
    const old = a.get(key);
    if (!old) changes.push({ section: entry.section, number: entry.number, change: 'added', after: entry.text });
    else if (old.text !== entry.text) changes.push({ section: entry.section, number: entry.number, change: 'changed', before: old.text, after: entry.text });
  }
  for (const [key, entry] of a) {
    if (!b.has(key)) changes.push({ section: entry.section, number: entry.number, change: 'removed', before: entry.text });
  }
  return changes;
}

interface Entry {
  section: string;
  number: string;
  text: string;
}

function flatten(template: Template): Map<string, Entry> {
  const map = new Map<string, Entry>();
  template.sections.forEach((section, i) => {
    const sectionName = section.number || `${i + 1}`;
    map.set(`${sectionName}|`, { section: sectionName, number: section.number, text: `${section.heading}\n${section.text}` });
    const walk = (clause: TemplateClause, prefix: string): void => {
      const key = `${sectionName}|${prefix}${clause.number}`;
      map.set(key, { section: sectionName, number: clause.number, text: clause.text });
      clause.children.forEach((child) => walk(child, `${prefix}${clause.number}/`));
    };
    section.clauses.forEach((clause) => walk(clause, ''));
  });
  return map;
}
