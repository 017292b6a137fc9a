import { useId } from 'react';
import type { ChoiceValue, TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { useFieldContext } from './field-context';
import { fieldMessage } from './field-message';
import { onEnterFocusNext } from './focus-next';

/** A choice group (□企业□个人□其他____) as inline radios; the "other" option opens a small text input. */
export function ChoiceInput({ field }: { field: TemplateField }) {
  const { values, setValue, rejected } = useFieldContext();
  const name = useId();
  const errorId = useId();
  const raw = values[field.id];
  const choice: ChoiceValue | null = raw === undefined || raw === '' ? null : typeof raw === 'string' ? { option: raw } : raw;
  const message = fieldMessage(field, raw) ?? rejected[field.id] ?? null;

  return (
    <span
      className="choice"
      role="radiogroup"
      aria-label={field.label}
      aria-describedby={message ? errorId : undefined}
      data-field-id={field.id}
    >
      {(field.options ?? []).map((option) => {
        const checked = choice?.option === option;
        const isOther = option === field.otherOption;
        return (
          <span key={option} className="choice-option">
            <label>
              <input
                type="radio"
                name={name}
                value={option}
                checked={checked}
                onChange={() => setValue(field.id, isOther ? { option, other: choice?.other ?? '' } : { option })}
              />
              <span>{option}</span>
            </label>
            {isOther && checked && (
              <input
                type="text"
                className="blank-input choice-other"
                aria-label={`${field.label}：${t.wizard.otherText(option)}`}
                placeholder={t.wizard.otherText(option)}
                value={choice?.other ?? ''}
                onChange={(e) => setValue(field.id, { option, other: e.target.value })}
                onKeyDown={onEnterFocusNext}
                autoComplete="off"
              />
            )}
          </span>
        );
      })}
      {message && (
        <span id={errorId} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
