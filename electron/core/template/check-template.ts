import type { Template, TemplateClause } from '../../shared/template';
import { FIELD_PLACEHOLDER } from '../../shared/template';
import { CoreError } from '../errors';
import { templateVersion } from './parse-pledge';

/**
 * Checks an edited template for consistency and returns it with its version re-derived from its content:
 * every `{{id}}` in a text names a field, every field appears exactly once, in document order, with the
 * block's `fields` list matching its text; choices have options; ranges are ordered; at least one signature.
 */
export function checkTemplate(input: Omit<Template, 'version' | 'warnings'> & { warnings?: Template['warnings'] }): Template {
  const ids = new Set<string>();
  for (const field of input.fields) {
    if (ids.has(field.id)) throw new CoreError('VALIDATION', `field id ${field.id} is used twice`, field.id);
    ids.add(field.id);
    if (field.kind === 'choice' && (field.options ?? []).length < 2) {
      throw new CoreError('VALIDATION', `choice ${field.id} needs at least two options`, field.id);
    }
    if (field.otherOption !== undefined && !(field.options ?? []).includes(field.otherOption)) {
      throw new CoreError('VALIDATION', `choice ${field.id}: "${field.otherOption}" is not one of its options`, field.id);
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      throw new CoreError('VALIDATION', `${field.id}: the smallest value is above the largest`, field.id);
    }
  }
  const order: string[] = [];
  const block = (where: string, text: string, fields: string[]): void => {
    const found = [...text.matchAll(FIELD_PLACEHOLDER)].map((m) => m[1] as string);
    if (found.join('\n') !== fields.join('\n')) {
      throw new CoreError('VALIDATION', `${where}: its fields list does not match the {{…}} placeholders in its text`);
    }
    for (const id of found) {
      if (!ids.has(id)) throw new CoreError('VALIDATION', `${where}: {{${id}}} names no field`, id);
      order.push(id);
    }
  };
  block('preamble', input.preamble.text, input.preamble.fields);
  input.sections.forEach((section, i) => {
    block(`section ${i + 1}`, `${section.heading}\n${section.text}`, section.fields);
    const walk = (clause: TemplateClause): void => {
      block(`clause ${clause.number}`, clause.text, clause.fields);
      clause.children.forEach(walk);
    };
    section.clauses.forEach(walk);
  });
  block('closing', input.closing.text, input.closing.fields);
  if (order.join('\n') !== input.fields.map((f) => f.id).join('\n')) {
    throw new CoreError('VALIDATION', 'every field must appear exactly once in the text, in document order');
  }
  if (!input.fields.some((f) => f.kind === 'signature')) {
    throw new CoreError('VALIDATION', 'a pledge needs at least one signature field');
  }
  const content = { title: input.title, preamble: input.preamble, sections: input.sections, closing: input.closing, fields: input.fields };
  return { id: input.id, version: templateVersion(content), ...content, warnings: input.warnings ?? [] };
}
