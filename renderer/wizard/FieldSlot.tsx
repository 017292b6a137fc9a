import type { TemplateField } from '../../electron/shared/template';
import { BlankInput } from './BlankInput';
import { ChoiceInput } from './ChoiceInput';
import { useFieldContext } from './field-context';
import { RmbCapital } from './RmbCapital';

/**
 * One placeholder: a blank with its unit (and, for money, the amount in capitals after the unit), a choice
 * group, or (signature, date) whatever the current step draws for it.
 */
export function FieldSlot({ field, unit }: { field: TemplateField; unit?: string }) {
  const { renderSpecial, values } = useFieldContext();
  if (field.kind === 'signature' || field.kind === 'date') return <>{renderSpecial(field)}</>;
  const raw = values[field.id];
  return (
    <>
      {field.kind === 'choice' ? <ChoiceInput field={field} /> : <BlankInput field={field} />}
      {unit && <span className="lit unit">{unit}</span>}
      {field.valueType === 'money' && typeof raw === 'string' && <RmbCapital value={raw} fieldId={field.id} />}
    </>
  );
}
