import { useId, useState } from 'react';
import { t } from '../i18n/t';
import { parseBound } from './field-edits';

interface Props {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** A min or max input: kept as typed, applied to the template only once it reads as a number (or is cleared). */
export function BoundInput({ label, value, onChange }: Props) {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const bad = !parseBound(text).ok;
  return (
    <div className="field-prop">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="text-input text-input-small"
        value={text}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseBound(e.target.value);
          if (parsed.ok) onChange(parsed.value);
        }}
      />
      {bad && (
        <span id={errorId} className="form-hint form-hint-warn">
          {t.editor.badNumber}
        </span>
      )}
    </div>
  );
}
