import type { Template } from '../../electron/shared/template';
import type { ClausePath } from './clause-path';
import { setClauseNumber, setClauseText, setTitle } from './edit-clause';
import type { FieldPatch } from './field-edits';
import { updateField } from './field-edits';
import { mergeWithNext } from './merge-clauses';
import { splitClause } from './split-clause';

/** The template being edited, and whether it differs from what was last loaded or saved. */
export interface EditorState {
  template: Template;
  dirty: boolean;
}

export type EditorAction =
  | { type: 'title'; title: string }
  | { type: 'field'; fieldId: string; patch: FieldPatch }
  | { type: 'merge'; path: ClausePath }
  | { type: 'split'; path: ClausePath; caret: number; secondNumber?: string }
  | { type: 'clause-number'; path: ClausePath; number: string }
  | { type: 'clause-text'; path: ClausePath; text: string }
  | { type: 'saved'; version: string };

export const initialEditorState = (template: Template): EditorState => ({ template, dirty: false });

/** Every edit as a pure step; an edit that cannot apply (a split at the very end, a lost placeholder) changes nothing. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const changed = (template: Template | null): EditorState =>
    template === null || template === state.template ? state : { template, dirty: true };
  switch (action.type) {
    case 'title':
      return changed(setTitle(state.template, action.title));
    case 'field':
      return changed(updateField(state.template, action.fieldId, action.patch));
    case 'merge':
      return changed(mergeWithNext(state.template, action.path));
    case 'split':
      return changed(splitClause(state.template, action.path, action.caret, action.secondNumber));
    case 'clause-number':
      return changed(setClauseNumber(state.template, action.path, action.number));
    case 'clause-text':
      return changed(setClauseText(state.template, action.path, action.text));
    case 'saved':
      return { template: { ...state.template, version: action.version }, dirty: false };
  }
}
