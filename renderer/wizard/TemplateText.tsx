import { splitTemplateText } from '../../electron/shared/template';
import { FieldSlot } from './FieldSlot';
import { useFieldContext } from './field-context';

/**
 * A template text as the document reads: literal runs as text, each `{{fieldId}}` as an inline input in its
 * place, followed by the field's unit. When the text itself goes on with the unit ("…{{x}}元用于…"), that unit is
 * drawn by the field (so that what belongs to the answer, such as the amount in capitals, comes after it).
 */
export function TemplateText({ text }: { text: string }) {
  const { fields } = useFieldContext();
  const parts = splitTemplateText(text);
  const skip = new Map<number, number>();
  return (
    <>
      {parts.map((part, i) => {
        if ('literal' in part) {
          const literal = part.literal.slice(skip.get(i) ?? 0);
          if (literal === '') return null;
          return (
            <span key={i} className="lit">
              {literal}
            </span>
          );
        }
        const field = fields.get(part.fieldId);
        if (!field) return <span key={i} className="lit missing-field">{`{{${part.fieldId}}}`}</span>;
        const next = parts[i + 1];
        const unit = field.unit;
        if (unit && next && 'literal' in next) {
          const lead = next.literal.length - next.literal.trimStart().length;
          if (next.literal.trimStart().startsWith(unit)) skip.set(i + 1, lead + unit.length);
        }
        return <FieldSlot key={i} field={field} unit={unit} />;
      })}
    </>
  );
}
