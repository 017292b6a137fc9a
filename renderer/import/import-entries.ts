import type { ImportedTemplate } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';

export interface ImportEntry {
  /** As parsed, or as last edited in the editor. */
  template: Template;
  /** Changed in the editor since it was parsed. */
  edited: boolean;
  /** Stored from the editor (`templates.save`) or by "全部导入". */
  stored?: { version: string; isNewVersion: boolean; fromEditor: boolean };
}

export const entriesOf = (templates: readonly Template[]): ImportEntry[] => templates.map((template) => ({ template, edited: false }));

/**
 * How "全部导入" stores the pledges. Untouched: `templates.import` on the same source, in one go. Once one was
 * edited or saved from the editor, re-importing the source would store the unedited text as the newest version
 * over the edit, so each entry not stored yet is saved as shown with `templates.save` instead.
 */
export function bulkImportPlan(entries: readonly ImportEntry[]): { kind: 'import' } | { kind: 'save'; indexes: number[] } {
  if (entries.every((e) => !e.edited && !e.stored)) return { kind: 'import' };
  return { kind: 'save', indexes: entries.flatMap((e, i) => (e.stored ? [] : [i])) };
}

/** The entries after `templates.import` answered: each gets its stored version from the host's summary. */
export function withImported(entries: readonly ImportEntry[], imported: readonly ImportedTemplate[]): ImportEntry[] {
  return entries.map((entry, i) => {
    const done = imported[i];
    return done ? { ...entry, stored: { version: done.version, isNewVersion: done.isNewVersion, fromEditor: false } } : entry;
  });
}

/** True when every entry is stored. */
export const allStored = (entries: readonly ImportEntry[]): boolean => entries.length > 0 && entries.every((e) => e.stored);
