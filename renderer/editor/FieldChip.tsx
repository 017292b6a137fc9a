import type { TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { hasRange } from './field-edits';
import { useEditor } from './editor-context';

/** What a chip says: the value type (with its range), the options of a choice, or 签名 / 日期. */
export function chipText(field: TemplateField): string {
  if (field.kind === 'choice') return (field.options ?? []).join(' / ');
  if (field.kind !== 'blank') return t.fieldKindName[field.kind];
  const type = t.valueTypeName[field.valueType ?? 'text'];
  if (!hasRange(field) || (field.min === undefined && field.max === undefined)) return type;
  if (field.min !== undefined && field.max !== undefined) return `${type} ${field.min}–${field.max}`;
  return field.max !== undefined ? `${type} ≤${field.max}` : `${type} ≥${field.min}`;
}

/** A field inside the editor's document: a small button in its place in the text; clicking opens its properties. */
export function FieldChip({ fieldId }: { fieldId: string }) {
  const { fields, selectedField, selectField } = useEditor();
  const field = fields.get(fieldId);
  if (!field) return <span className="chip chip-missing">{`{{${fieldId}}}`}</span>;
  const selected = selectedField === fieldId;
  return (
    <button
      type="button"
      className={`chip chip-${field.kind}${selected ? ' chip-selected' : ''}${field.required ? '' : ' chip-optional'}`}
      data-field-id={field.id}
      aria-label={field.label}
      aria-pressed={selected}
      title={t.editor.chipTitle(field.label)}
      onClick={() => selectField(selected ? null : field.id)}
    >
      {chipText(field)}
    </button>
  );
}
