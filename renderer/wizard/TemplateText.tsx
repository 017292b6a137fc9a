import { splitTemplateText } from '../../electron/shared/template';
import { FieldSlot } from './FieldSlot';
import { useFieldContext } from './field-context';

/**
 * A template text as the document reads: literal runs as text, each `{{fieldId}}` as an inline input in its
 * place. The field's unit is added after the input only when the text does not already say it.
 */
export function TemplateText({ text }: { text: string }) {
  const { fields } = useFieldContext();
  const parts = splitTemplateText(text);
  return (
    <>
      {parts.map((part, i) => {
        if ('literal' in part) {
          return (
            <span key={i} className="lit">
              {part.literal}
            </span>
          );
        }
        const field = fields.get(part.fieldId);
        if (!field) return <span key={i} className="lit missing-field">{`{{${part.fieldId}}}`}</span>;
        const next = parts[i + 1];
        const nextText = next && 'literal' in next ? next.literal.trimStart() : '';
        const showUnit = Boolean(field.unit) && !nextText.startsWith(field.unit as string);
        return <FieldSlot key={i} field={field} unit={showUnit ? field.unit : undefined} />;
      })}
    </>
  );
}
