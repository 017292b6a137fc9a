import { createContext, useContext } from 'react';
import type { Dispatch } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import type { EditorAction } from './editor-state';

export interface EditorContextValue {
  fields: ReadonlyMap<string, TemplateField>;
  dispatch: Dispatch<EditorAction>;
  /** The field whose properties are open, if any. */
  selectedField: string | null;
  selectField: (fieldId: string | null) => void;
  /** The clause in edit mode (its path key), if any. */
  editingClause: string | null;
  setEditingClause: (key: string | null) => void;
  /** Marks a text's wording in the source pane. */
  showInSource: (text: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the template editor');
  return value;
}
