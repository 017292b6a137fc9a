import { useEditor } from './editor-context';
import { FieldPanel } from './FieldPanel';
import { placeholders } from './field-order';

/** The open field's panel, placed under the paragraph that holds the field (nothing when it is elsewhere). */
export function SelectedFieldPanel({ text }: { text: string }) {
  const { fields, selectedField } = useEditor();
  if (selectedField === null || !placeholders(text).includes(selectedField)) return null;
  const field = fields.get(selectedField);
  return field ? <FieldPanel key={field.id} field={field} /> : null;
}
