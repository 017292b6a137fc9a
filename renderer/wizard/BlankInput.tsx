import { useId } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import { useFieldContext } from './field-context';
import { fieldMessage } from './field-message';
import { onEnterFocusNext } from './focus-next';

const NUMERIC = new Set(['percent', 'integer', 'number', 'duration', 'money']);

/** Width of the blank in em: room for what is typed, never narrower than a short underline. */
function widthEm(value: string, numeric: boolean): number {
  const chars = Array.from(value).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.55), 0);
  return Math.min(numeric ? 10 : 24, Math.max(numeric ? 3 : 6, chars + 1.2));
}

/** How the on-screen keyboard and the browser treat a value type. */
function inputModeOf(valueType: string): 'decimal' | 'numeric' | 'tel' | undefined {
  if (valueType === 'integer') return 'numeric';
  if (valueType === 'phone') return 'tel';
  return NUMERIC.has(valueType) ? 'decimal' : undefined;
}

/** An inline blank inside a clause: an underlined input (a date picker for dates), checked as the user types. */
export function BlankInput({ field }: { field: TemplateField }) {
  const { values, setValue, rejected } = useFieldContext();
  const errorId = useId();
  const raw = values[field.id];
  const value = typeof raw === 'string' ? raw : '';
  const valueType = field.valueType ?? 'text';
  const numeric = NUMERIC.has(valueType);
  const isDate = valueType === 'date';
  const message = fieldMessage(field, value) ?? rejected[field.id] ?? null;

  return (
    <span className={`blank${message ? ' blank-invalid' : ''}`} data-field-id={field.id}>
      <input
        type={isDate ? 'date' : 'text'}
        className={`blank-input${isDate ? ' date-input' : ''}`}
        inputMode={inputModeOf(valueType)}
        aria-label={field.label}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? errorId : undefined}
        data-field-id={field.id}
        data-value-type={valueType}
        data-unit={field.unit ?? ''}
        value={value}
        min={isDate ? '1900-01-01' : undefined}
        max={isDate ? '2999-12-31' : undefined}
        style={isDate ? undefined : { width: `${widthEm(value, numeric)}em` }}
        onChange={(e) => setValue(field.id, e.target.value)}
        onKeyDown={onEnterFocusNext}
        autoComplete="off"
        spellCheck={false}
      />
      {message && (
        <span id={errorId} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
