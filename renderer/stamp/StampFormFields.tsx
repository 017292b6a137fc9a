import type { PdfInspectionDto } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';

type FormField = PdfInspectionDto['formFields'][number];

interface Props {
  fields: FormField[];
  /** What the user changed, by field name, as `stamping.stamp`'s `fillForm` takes it. */
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  flatten: boolean;
  onFlatten: (flatten: boolean) => void;
}

/** The field's value as the PDF has it, in `fillForm`'s terms (check boxes 'true' / 'false'). */
export function originalValue(field: FormField): string {
  if (field.type === 'checkbox') return field.value === 'on' || field.value === true ? 'true' : 'false';
  if (Array.isArray(field.value)) return field.value.join(', ');
  return field.value === null || field.value === false ? '' : String(field.value);
}

/**
 * The AcroForm fields of the PDF being stamped, each with an input for its kind (text, check box, a choice
 * of the field's own options), and "扁平化表单". Only fields the user changed go into `values`, so a field
 * left alone keeps exactly what the PDF had.
 */
export function StampFormFields({ fields, values, onChange, flatten, onFlatten }: Props) {
  const { t } = useLocale();
  const set = (field: FormField, value: string): void => {
    const next = { ...values };
    if (value === originalValue(field)) delete next[field.name];
    else next[field.name] = value;
    onChange(next);
  };
  const changed = Object.keys(values).length;

  return (
    <div className="stamp-form" data-testid="stamp-form">
      <p>{t.stamp.formFields(fields.length)}</p>
      <p className="form-hint">{t.stamp.formFillHint}</p>
      <ul className="stamp-form-fields">
        {fields.map((f) => {
          const label = t.stamp.formFieldLabel(f.name);
          const value = values[f.name] ?? originalValue(f);
          let input;
          if (f.type === 'text') {
            input = <input type="text" aria-label={label} value={value} onChange={(e) => set(f, e.target.value)} maxLength={10_000} />;
          } else if (f.type === 'checkbox') {
            input = <input type="checkbox" aria-label={label} checked={value === 'true'} onChange={(e) => set(f, e.target.checked ? 'true' : 'false')} />;
          } else if (f.options && (f.type === 'radio' || f.type === 'dropdown' || f.type === 'list')) {
            input = (
              <select aria-label={label} value={value} onChange={(e) => set(f, e.target.value)}>
                {/* Why: fillForm can select an option but not clear one, so "none" is offered only while nothing is chosen. */}
                {originalValue(f) === '' && <option value="">{t.stamp.formNoChoice}</option>}
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            );
          } else {
            input = <span className="form-hint">{t.stamp.formNotFillable}</span>;
          }
          return (
            <li key={f.name} className={values[f.name] !== undefined ? 'is-changed' : undefined}>
              <code>{f.name}</code> <span className="form-hint">({t.stamp.formFieldTypes[f.type] ?? f.type})</span> {input}
            </li>
          );
        })}
      </ul>
      {changed > 0 && <p className="form-hint" role="status">{t.stamp.formChanged(changed)}</p>}
      <label className="stamp-check">
        <input type="checkbox" checked={flatten} onChange={(e) => onFlatten(e.target.checked)} data-testid="stamp-flatten" />
        {t.stamp.flattenForm}
      </label>
    </div>
  );
}
