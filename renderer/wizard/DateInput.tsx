import { useId } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import { formatChineseDate } from '../app/format';
import { t } from '../i18n/t';
import { fieldMessage } from './field-message';

interface Props {
  field: TemplateField | null;
  value: string;
  onChange: (value: string) => void;
}

/** The signing date: a native date picker, YYYY-MM-DD. */
export function DateInput({ field, value, onChange }: Props) {
  const errorId = useId();
  const message = field ? fieldMessage(field, value) : null;
  return (
    <span className="blank date-blank" data-field-id={field?.id}>
      <input
        type="date"
        className="blank-input date-input"
        aria-label={field?.label ?? t.sign.date}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? errorId : undefined}
        data-field-id={field?.id}
        value={value}
        min="1900-01-01"
        max="2999-12-31"
        onChange={(e) => onChange(e.target.value)}
      />
      {!message && value !== '' && <span className="date-echo">{formatChineseDate(value)}</span>}
      {message && (
        <span id={errorId} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
