import { useId, useRef, useState } from 'react';
import type { TemplateClause } from '../../electron/shared/template';
import { t } from '../i18n/t';
import type { ClausePath } from './clause-path';
import { useEditor } from './editor-context';
import { samePlaceholders } from './field-order';
import { primeNumber, splitText } from './split-clause';

/** A clause in edit mode: its number, its wording in a small textarea, and "split at the caret". */
export function ClauseEditForm({ clause, path }: { clause: TemplateClause; path: ClausePath }) {
  const { dispatch, setEditingClause } = useEditor();
  const area = useRef<HTMLTextAreaElement>(null);
  const [secondNumber, setSecondNumber] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const ids = { number: useId(), text: useId(), second: useId(), hint: useId() };

  const split = (): void => {
    const caret = area.current?.selectionStart ?? 0;
    if (!splitText(clause.text, caret)) {
      setMessage(t.editor.cannotSplit);
      return;
    }
    dispatch({ type: 'split', path, caret, secondNumber });
    setEditingClause(null);
  };

  return (
    <div className="clause-edit" onClick={(e) => e.stopPropagation()}>
      <div className="clause-edit-row">
        <label htmlFor={ids.number}>{t.editor.clauseNumber}</label>
        <input
          id={ids.number}
          type="text"
          className="text-input text-input-small"
          value={clause.number}
          maxLength={40}
          onChange={(e) => dispatch({ type: 'clause-number', path, number: e.target.value })}
        />
      </div>
      <textarea
        ref={area}
        id={ids.text}
        className="clause-textarea"
        aria-label={t.editor.clauseText(clause.number)}
        aria-describedby={ids.hint}
        rows={Math.min(8, Math.max(3, Math.ceil(clause.text.length / 40)))}
        value={clause.text}
        spellCheck={false}
        onChange={(e) => {
          const next = e.target.value;
          if (samePlaceholders(clause.text, next)) {
            setMessage(null);
            dispatch({ type: 'clause-text', path, text: next });
          } else {
            setMessage(t.editor.placeholderKept);
          }
        }}
      />
      <p id={ids.hint} className="form-hint">
        {t.editor.clauseTextHint}
      </p>
      {message && (
        <p className="form-hint form-hint-warn" role="alert">
          {message}
        </p>
      )}
      <div className="clause-edit-row">
        <label htmlFor={ids.second}>{t.editor.secondNumber}</label>
        <input
          id={ids.second}
          type="text"
          className="text-input text-input-small"
          placeholder={primeNumber(clause.number)}
          value={secondNumber}
          maxLength={40}
          onChange={(e) => setSecondNumber(e.target.value)}
        />
        <button type="button" className="btn btn-small btn-primary" onClick={split}>
          {t.editor.split}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setEditingClause(null)}>
          {t.editor.doneClause}
        </button>
      </div>
    </div>
  );
}
