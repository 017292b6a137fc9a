import { useId } from 'react';
import type { TemplateField, ValueType } from '../../electron/shared/template';
import { VALUE_TYPES } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { BoundInput } from './BoundInput';
import { useEditor } from './editor-context';
import type { FieldPatch } from './field-edits';
import { addOption, hasRange, removeOption, renameOption } from './field-edits';

/** The properties of one field, opened from its chip: label, type, unit, range, required, options. */
export function FieldPanel({ field }: { field: TemplateField }) {
  const { dispatch, selectField } = useEditor();
  const ids = { label: useId(), type: useId(), unit: useId(), required: useId(), other: useId() };
  const patch = (p: FieldPatch): void => dispatch({ type: 'field', fieldId: field.id, patch: p });
  const setChoice = (next: TemplateField): void =>
    patch({ options: next.options, otherOption: next.otherOption, preselected: next.preselected });
  const options = field.options ?? [];

  return (
    <div className="field-panel" role="group" aria-label={`${t.editor.field}：${field.label}`} data-field-id={field.id}>
      <div className="field-panel-head">
        <span className={`chip chip-${field.kind} chip-static`}>{t.fieldKindName[field.kind]}</span>
        <span className="muted field-panel-id">{t.editor.fieldId(field.id)}</span>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => selectField(null)}>
          {t.editor.close}
        </button>
      </div>
      <div className="field-props">
        <div className="field-prop field-prop-wide">
          <label htmlFor={ids.label}>{t.editor.label}</label>
          <input
            id={ids.label}
            type="text"
            className="text-input"
            value={field.label}
            maxLength={200}
            onChange={(e) => patch({ label: e.target.value })}
          />
        </div>
        {field.kind === 'blank' && (
          <>
            <div className="field-prop">
              <label htmlFor={ids.type}>{t.editor.valueType}</label>
              <select
                id={ids.type}
                className="text-input"
                value={field.valueType ?? 'text'}
                onChange={(e) => patch({ valueType: e.target.value as ValueType })}
              >
                {VALUE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t.valueTypeName[type]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field-prop">
              <label htmlFor={ids.unit}>{t.editor.unit}</label>
              <input
                id={ids.unit}
                type="text"
                className="text-input text-input-small"
                value={field.unit ?? ''}
                maxLength={20}
                onChange={(e) => patch({ unit: e.target.value })}
              />
            </div>
          </>
        )}
        {hasRange(field) && (
          <>
            <BoundInput key={`min-${field.id}`} label={t.editor.min} value={field.min} onChange={(min) => patch({ min })} />
            <BoundInput key={`max-${field.id}`} label={t.editor.max} value={field.max} onChange={(max) => patch({ max })} />
          </>
        )}
        <div className="field-prop field-prop-check">
          <input
            id={ids.required}
            type="checkbox"
            checked={field.required}
            onChange={(e) => patch({ required: e.target.checked })}
          />
          <label htmlFor={ids.required}>{t.editor.required}</label>
        </div>
      </div>
      {field.kind === 'choice' && (
        <fieldset className="option-list">
          <legend>{t.editor.options}</legend>
          {options.map((option, i) => (
            <div key={i} className="option-row">
              <input
                type="text"
                className="text-input text-input-small"
                aria-label={t.editor.option(i + 1)}
                value={option}
                maxLength={200}
                onChange={(e) => setChoice(renameOption(field, i, e.target.value))}
              />
              <button type="button" className="btn btn-small" onClick={() => setChoice(removeOption(field, i))}>
                {t.editor.removeOption}
              </button>
            </div>
          ))}
          <div className="option-tools">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setChoice(addOption(field, `${t.editor.newOption}${options.length + 1}`))}
            >
              {t.editor.addOption}
            </button>
            <label htmlFor={ids.other}>{t.editor.otherOption}</label>
            <select
              id={ids.other}
              className="text-input text-input-small"
              value={field.otherOption ?? ''}
              onChange={(e) => patch({ otherOption: e.target.value === '' ? undefined : e.target.value })}
            >
              <option value="">{t.editor.none}</option>
              {options.map((o, i) => (
                <option key={i} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
    </div>
  );
}
