import type { Template } from '../../electron/shared/template';
import { documentFieldOrder } from './field-order';

/** Why the editor will not send a template yet: the host's consistency rules, checked first for Chinese texts. */
export type SaveProblem =
  | { code: 'empty-title' }
  | { code: 'empty-label'; fieldId: string }
  | { code: 'too-few-options'; fieldId: string }
  | { code: 'empty-option'; fieldId: string }
  | { code: 'duplicate-option'; fieldId: string; option: string }
  | { code: 'range-order'; fieldId: string }
  | { code: 'no-signature' }
  | { code: 'unknown-placeholder'; fieldId: string }
  | { code: 'field-order' };

/** The problems that would make `templates.save` refuse the template (empty when it may be sent). */
export function checkForSave(template: Template): SaveProblem[] {
  const problems: SaveProblem[] = [];
  if (template.title.trim() === '') problems.push({ code: 'empty-title' });
  for (const field of template.fields) {
    if (field.label.trim() === '') problems.push({ code: 'empty-label', fieldId: field.id });
    if (field.kind === 'choice') {
      const options = field.options ?? [];
      if (options.length < 2) problems.push({ code: 'too-few-options', fieldId: field.id });
      if (options.some((o) => o.trim() === '')) problems.push({ code: 'empty-option', fieldId: field.id });
      const twice = options.find((o, i) => o.trim() !== '' && options.indexOf(o) !== i);
      if (twice !== undefined) problems.push({ code: 'duplicate-option', fieldId: field.id, option: twice });
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ code: 'range-order', fieldId: field.id });
  }
  if (!template.fields.some((f) => f.kind === 'signature')) problems.push({ code: 'no-signature' });
  const ids = new Set(template.fields.map((f) => f.id));
  const order = documentFieldOrder(template);
  for (const id of order) if (!ids.has(id)) problems.push({ code: 'unknown-placeholder', fieldId: id });
  if (order.join('\n') !== template.fields.map((f) => f.id).join('\n')) problems.push({ code: 'field-order' });
  return problems;
}
