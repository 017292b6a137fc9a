import { useMemo, useReducer, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { MethodResult } from '../../electron/shared/api';
import type { Template } from '../../electron/shared/template';
import { call } from '../api/pledge';
import { t } from '../i18n/t';
import type { SaveProblem } from './check-for-save';
import { checkForSave } from './check-for-save';
import { EditorBlock } from './EditorBlock';
import { EditorContext } from './editor-context';
import type { EditorContextValue } from './editor-context';
import { editorReducer, initialEditorState } from './editor-state';
import { EditorSection } from './EditorSection';
import { SourcePane } from './SourcePane';

export type SaveResult = MethodResult<'templates.save'>;

interface Props {
  /** The template to start from: a parsed one (not stored yet) or a stored version. */
  initial: Template;
  /** The left pane: the pasted text, or the template written out as plain text. */
  sourceText: string;
  sourceHint: string;
  backLabel: string;
  /** Marks where the template starts in the source on opening: for a pasted page whose pledge is not at the top. */
  locateOnOpen?: boolean;
  /** Leaves the editor with the template as it is now (edits kept by the caller, if it wants them). */
  onBack: (template: Template, dirty: boolean) => void;
  onSaved?: (template: Template, result: SaveResult) => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: string; isNewVersion: boolean }
  | { kind: 'problems'; problems: SaveProblem[] }
  | { kind: 'error'; error: ApiError };

const short = (version: string): string => version.slice(0, 8);

/** The first wording of a template: its preamble, else its first section's heading or text. */
function firstText(template: Template): string | null {
  const section = template.sections[0];
  const candidates = [template.preamble.text, section?.heading, section?.text, section?.clauses[0]?.text];
  return candidates.find((text): text is string => text !== undefined && text.replace(/\{\{[^{}]*\}\}/g, '').trim().length >= 2) ?? null;
}

/** Side by side: the source on the left, the template as an editable document on the right; saves a new version. */
export function TemplateEditor({ initial, sourceText, sourceHint, backLabel, locateOnOpen = false, onBack, onSaved }: Props) {
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const [selectedField, selectField] = useState<string | null>(null);
  const [editingClause, setEditingClause] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(() => (locateOnOpen ? firstText(initial) : null));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirmLeave, setConfirmLeave] = useState(false);
  const { template } = state;
  const fields = useMemo(() => new Map(template.fields.map((f) => [f.id, f])), [template.fields]);

  const ctx: EditorContextValue = {
    fields,
    dispatch: (action) => {
      setConfirmLeave(false);
      if (status.kind !== 'saving') setStatus({ kind: 'idle' });
      dispatch(action);
    },
    selectedField,
    selectField,
    editingClause,
    setEditingClause,
    showInSource: setFocus,
  };

  const save = async (): Promise<void> => {
    const problems = checkForSave(template);
    if (problems.length > 0) {
      setStatus({ kind: 'problems', problems });
      return;
    }
    setStatus({ kind: 'saving' });
    // The host re-derives the version from the content; the one sent is ignored.
    const res = await call('templates.save', { template });
    if (!res.ok) {
      setStatus({ kind: 'error', error: res.error });
      return;
    }
    dispatch({ type: 'saved', version: res.value.version });
    setStatus({ kind: 'saved', version: res.value.version, isNewVersion: res.value.isNewVersion });
    setConfirmLeave(false);
    onSaved?.({ ...template, version: res.value.version }, res.value);
  };

  const back = (): void => {
    if (state.dirty && !confirmLeave) {
      setConfirmLeave(true);
      return;
    }
    onBack(template, state.dirty);
  };

  const label = (fieldId: string): string => fields.get(fieldId)?.label ?? fieldId;

  return (
    <EditorContext.Provider value={ctx}>
      <div className="editor" data-template-id={template.id}>
        <div className="editor-bar">
          <div className="editor-bar-title">
            <h1>{t.editor.heading}</h1>
            <span className="muted">{template.title}</span>
          </div>
          <p className="editor-status" role="status" data-testid="editor-status" data-status={status.kind}>
            {status.kind === 'saving' && t.editor.saving}
            {status.kind === 'saved' &&
              (status.isNewVersion ? t.editor.saved(short(status.version)) : t.editor.unchanged(short(status.version)))}
            {status.kind === 'error' && (
              <>
                <span className="status-error">{t.editor.saveFailed(t.error(status.error.code))}</span>
                <span className="notice-detail">{status.error.message}</span>
              </>
            )}
            {status.kind === 'problems' && <span className="status-error">{t.editor.problemCount(status.problems.length)}</span>}
            {status.kind === 'idle' && state.dirty && <span className="muted">{t.editor.unsaved}</span>}
          </p>
          <div className="editor-bar-actions">
            <button type="button" className="btn" onClick={back}>
              {backLabel}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={status.kind === 'saving'}
              onClick={() => void save()}
              data-action="save-template"
            >
              {t.editor.save}
            </button>
          </div>
        </div>
        {confirmLeave && (
          <div className="notice notice-error" role="alert">
            {t.editor.leaveDirty}
          </div>
        )}
        {status.kind === 'problems' && (
          <div className="notice notice-error" role="alert" data-testid="editor-problems">
            <p>{t.editor.checkFailed}</p>
            <ul>
              {status.problems.map((p, i) => (
                <li key={i}>{t.saveProblem(p, label)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="editor-panes">
          <SourcePane title={t.editor.source} hint={sourceHint} text={sourceText} focus={focus} />
          <section className="editor-doc" aria-label={t.editor.document}>
            <div className="paper editor-paper">
              <input
                type="text"
                className="doc-title-input"
                aria-label={t.editor.title}
                placeholder={t.editor.titlePlaceholder}
                value={template.title}
                maxLength={200}
                onChange={(e) => ctx.dispatch({ type: 'title', title: e.target.value })}
              />
              <EditorBlock text={template.preamble.text} className="editor-preamble" label={t.editor.preamble} />
              {template.sections.map((section, s) => (
                <EditorSection key={`${s}:${section.number}`} template={template} index={s} />
              ))}
              <EditorBlock text={template.closing.text} className="editor-closing" label={t.editor.closing} />
            </div>
          </section>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
