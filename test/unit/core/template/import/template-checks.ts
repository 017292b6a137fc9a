import type { Template, TemplateClause, TemplateField } from '../../../../../electron/shared/template';
import { VALUE_TYPES } from '../../../../../electron/shared/template';
import { jcs, sha256 } from '../../../../support/jcs';

/**
 * Independent checks of the template JSON, written from electron/shared/template.ts and issue 3, for the
 * import and built-in template tests.
 */

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Every text block of a template in document order, with the field ids it claims. */
export function blocks(t: Template): Array<{ where: string; text: string; fields: string[] }> {
  const out: Array<{ where: string; text: string; fields: string[] }> = [{ where: 'preamble', ...t.preamble }];
  const walk = (c: TemplateClause, where: string): void => {
    out.push({ where: `${where} ${c.number}`, text: c.text, fields: c.fields });
    c.children.forEach((child) => walk(child, `${where} ${c.number}`));
  };
  for (const s of t.sections) {
    // A section's heading comes before its text; its `fields` list both, in that order.
    out.push({ where: `section ${s.number}`, text: `${s.heading}\n${s.text}`, fields: s.fields });
    s.clauses.forEach((c) => walk(c, `section ${s.number}`));
  }
  out.push({ where: 'closing', ...t.closing });
  return out;
}

/** Every `{{id}}` of the template in document order. */
export function placeholderOrder(t: Template): string[] {
  return blocks(t).flatMap((b) => placeholdersIn(b.text));
}

/**
 * The invariants every template must satisfy, whatever the input: an empty list when all hold, else one
 * message per violation.
 */
export function invariantViolations(t: Template): string[] {
  const problems: string[] = [];
  const ids = t.fields.map((f) => f.id);
  if (new Set(ids).size !== ids.length) problems.push(`duplicate field ids: ${ids.join(',')}`);
  const order = placeholderOrder(t);
  if (order.join('|') !== ids.join('|')) problems.push(`placeholders ${order.join(',')} ≠ fields ${ids.join(',')}`);
  for (const b of blocks(t)) {
    const own = placeholdersIn(b.text);
    if (own.join('|') !== b.fields.join('|')) problems.push(`${b.where}: placeholders ${own.join(',')} ≠ fields ${b.fields.join(',')}`);
  }
  if (!t.fields.some((f) => f.kind === 'signature')) problems.push('no signature field');
  if (!t.fields.some((f) => f.kind === 'date')) problems.push('no date field');
  if (!/^[0-9a-f]{64}$/.test(t.version)) problems.push(`version ${t.version} is not 64 hex digits`);
  const { title, preamble, sections, closing, fields } = t;
  if (t.version !== sha256(jcs({ title, preamble, sections, closing, fields }))) problems.push('version is not the hash of the content');
  if (typeof t.id !== 'string' || t.id === '') problems.push('empty template id');
  for (const f of t.fields) problems.push(...fieldViolations(f));
  for (const w of t.warnings) if (!/^[a-z][a-z0-9-]*$/.test(w.code) || w.message === '') problems.push(`bad warning ${JSON.stringify(w)}`);
  return problems;
}

function fieldViolations(f: TemplateField): string[] {
  const problems: string[] = [];
  const at = `field ${f.id}`;
  if (!['blank', 'choice', 'signature', 'date'].includes(f.kind)) problems.push(`${at}: kind ${f.kind}`);
  if (f.label.trim() === '') problems.push(`${at}: empty label`);
  if (/\{\{|\}\}/.test(f.label)) problems.push(`${at}: placeholder in label`);
  if (f.valueType !== undefined && !(VALUE_TYPES as readonly string[]).includes(f.valueType)) problems.push(`${at}: valueType ${f.valueType}`);
  if (f.kind === 'blank' && f.valueType === undefined) problems.push(`${at}: blank without valueType`);
  if (f.kind === 'date' && f.valueType !== undefined && f.valueType !== 'date') problems.push(`${at}: date with valueType ${f.valueType}`);
  if (f.min !== undefined && f.max !== undefined && !(f.min <= f.max)) problems.push(`${at}: min ${f.min} > max ${f.max}`);
  if (f.kind === 'choice') {
    if (!f.options || f.options.length === 0) problems.push(`${at}: choice without options`);
    if (f.otherOption !== undefined && !f.options?.includes(f.otherOption)) problems.push(`${at}: otherOption not an option`);
    if (f.preselected !== undefined && !f.options?.includes(f.preselected)) problems.push(`${at}: preselected not an option`);
  }
  return problems;
}

/** Text with each `{{id}}` shown by its field's kind: {blank} {choice} {sign} {date}. */
export function show(text: string, t: Template): string {
  const kinds = new Map(t.fields.map((f) => [f.id, f.kind === 'signature' ? 'sign' : f.kind]));
  return text.replace(PLACEHOLDER, (_, id: string) => `{${kinds.get(id) ?? `?${id}`}}`);
}

/** Text with line breaks removed (a page break inside a sentence is not part of the wording). */
export function flat(text: string): string {
  return text.replace(/\n/g, '');
}

/** "一、|heading|text" per section, then "  1.1|text" per clause (indented by depth), placeholders shown by kind. */
export function outline(t: Template): string[] {
  const lines: string[] = [];
  const walk = (c: TemplateClause, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${c.number}|${flat(show(c.text, t))}`);
    c.children.forEach((child) => walk(child, depth + 1));
  };
  for (const s of t.sections) {
    lines.push(`${s.number}|${flat(show(s.heading, t))}|${flat(show(s.text, t))}`);
    s.clauses.forEach((c) => walk(c, 1));
  }
  return lines;
}

/** The closing block with placeholders shown by kind and all white space removed (layout is free). */
export function closingShape(t: Template): string {
  return show(t.closing.text, t).replace(/\s+/g, '');
}

/** Every text of a template (title, blocks, labels, options) joined: for "no junk anywhere" checks. */
export function allText(t: Template): string {
  // Placeholders ({{s2-1}}) are ids, not text: leave them out.
  return [t.title, ...blocks(t).map((b) => b.text.replace(/\{\{[^{}]*\}\}/g, '')), ...t.fields.flatMap((f) => [f.label, ...(f.options ?? [])])].join('\n');
}

/** Every leaf text (sections without clauses, clauses without children), in order. */
export function leafTexts(t: Template): string[] {
  const out: string[] = [];
  const walk = (c: TemplateClause): void => {
    if (c.children.length === 0) out.push(c.text);
    else c.children.forEach(walk);
  };
  for (const s of t.sections) {
    if (s.clauses.length === 0) out.push(s.text);
    else s.clauses.forEach(walk);
  }
  return out;
}

/** Fields of a kind. */
export function fieldsOf(t: Template, kind: TemplateField['kind']): TemplateField[] {
  return t.fields.filter((f) => f.kind === kind);
}
