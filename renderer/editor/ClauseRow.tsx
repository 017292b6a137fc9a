import type { TemplateClause } from '../../electron/shared/template';
import { t } from '../i18n/t';
import type { ClausePath } from './clause-path';
import { pathKey } from './clause-path';
import { ClauseEditForm } from './ClauseEditForm';
import { EditorText } from './EditorText';
import { useEditor } from './editor-context';

interface Props {
  /** A clause, or a flat section seen as one. */
  clause: TemplateClause;
  path: ClausePath;
  /** The next sibling's number, when there is one to merge with. */
  nextNumber: string | undefined;
  /** False when a heading above already shows the number. */
  showNumber?: boolean;
}

/** One numbered text of the document: number, text with chips, and its actions (merge, edit/split). */
export function ClauseRow({ clause, path, nextNumber, showNumber = true }: Props) {
  const { dispatch, editingClause, setEditingClause, showInSource } = useEditor();
  const key = pathKey(path);
  const editing = editingClause === key;
  return (
    <div
      className={`editor-clause-row${editing ? ' editor-clause-editing' : ''}`}
      data-clause={clause.number}
      data-path={key}
      onClick={() => showInSource(clause.text)}
    >
      <p className={clause.children.length === 0 ? 'editor-text' : 'editor-text editor-clause-heading'}>
        {showNumber && (
          <span className={`clause-number${/[、.．:：]$/.test(clause.number) ? ' clause-number-tight' : ''}`}>{clause.number}</span>
        )}
        <EditorText text={clause.text} />
      </p>
      <div className="clause-actions">
        {nextNumber !== undefined && (
          <button
            type="button"
            className="btn btn-small btn-tool"
            aria-label={t.editor.merge}
            title={t.editor.mergeTitle(clause.number, nextNumber)}
            onClick={(e) => {
              e.stopPropagation();
              dispatch({ type: 'merge', path });
            }}
          >
            {t.editor.mergeShort}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-tool"
          aria-expanded={editing}
          aria-label={t.editor.editClause}
          title={t.editor.editClause}
          onClick={(e) => {
            e.stopPropagation();
            setEditingClause(editing ? null : key);
          }}
        >
          {t.editor.splitShort}
        </button>
      </div>
      {editing && <ClauseEditForm clause={clause} path={path} />}
    </div>
  );
}
