import type { TemplateField } from '../../electron/shared/template';
import { BlankInput } from './BlankInput';
import { ChoiceInput } from './ChoiceInput';
import { useFieldContext } from './field-context';

/** One placeholder: a blank, a choice group, or (signature, date) whatever the current step draws for it. */
export function FieldSlot({ field, unit }: { field: TemplateField; unit?: string }) {
  const { renderSpecial } = useFieldContext();
  if (field.kind === 'signature' || field.kind === 'date') return <>{renderSpecial(field)}</>;
  return (
    <>
      {field.kind === 'choice' ? <ChoiceInput field={field} /> : <BlankInput field={field} />}
      {unit && <span className="lit unit">{unit}</span>}
    </>
  );
}
