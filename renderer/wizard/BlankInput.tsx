import { useId } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import { useFieldContext } from './field-context';
import { fieldMessage } from './field-message';
import { focusNextInput } from './focus-next';

const NUMERIC = new Set(['percent', 'integer', 'number', 'duration', 'money']);

/** Width of the blank in em: room for what is typed, never narrower than a short underline. */
function widthEm(value: string, numeric: boolean): number {
  const chars = Array.from(value).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.55), 0);
  return Math.min(numeric ? 10 : 24, Math.max(numeric ? 3 : 6, chars + 1.2));
}

/** An inline blank inside a clause: an underlined input, checked as the user types. */
export function BlankInput({ field }: { field: TemplateField }) {
  const { values, setValue, rejected } = useFieldContext();
  const errorId = useId();
  const raw = values[field.id];
  const value = typeof raw === 'string' ? raw : '';
  const numeric = NUMERIC.has(field.valueType ?? 'text');
  const message = fieldMessage(field, value) ?? rejected[field.id] ?? null;

  return (
    <span className={`blank${message ? ' blank-invalid' : ''}`} data-field-id={field.id}>
      <input
        type="text"
        className="blank-input"
        inputMode={numeric ? 'decimal' : undefined}
        aria-label={field.label}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? errorId : undefined}
        data-field-id={field.id}
        data-value-type={field.valueType ?? 'text'}
        data-unit={field.unit ?? ''}
        value={value}
        style={{ width: `${widthEm(value, numeric)}em` }}
        onChange={(e) => setValue(field.id, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            focusNextInput(e.currentTarget);
          }
        }}
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
