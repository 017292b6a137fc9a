import type { ArchiveListItem } from '../../electron/shared/dto';

/** Records picked for printing, by id; kept across pages and searches until printed or cleared. */
export type Selection = ReadonlyMap<string, ArchiveListItem>;

export const EMPTY_SELECTION: Selection = new Map();

/** Only records that still have their PDF can be printed: a redacted record's file is erased. */
export function isPrintable(item: Pick<ArchiveListItem, 'status'>): boolean {
  return item.status !== 'redacted';
}

/** Adds or removes one record. A record that cannot be printed is never added. */
export function toggleSelected(selection: Selection, item: ArchiveListItem): Selection {
  const next = new Map(selection);
  if (next.has(item.id)) next.delete(item.id);
  else if (isPrintable(item)) next.set(item.id, item);
  return next;
}

/** Selects (or deselects) every printable record of a page, leaving the selection on other pages alone. */
export function selectPage(selection: Selection, items: readonly ArchiveListItem[], selected: boolean): Selection {
  const next = new Map(selection);
  for (const item of items) {
    if (!isPrintable(item)) continue;
    if (selected) next.set(item.id, item);
    else next.delete(item.id);
  }
  return next;
}

/** Whether a page's printable records are all, some or none selected (for the header checkbox). */
export function pageSelectionState(selection: Selection, items: readonly ArchiveListItem[]): 'all' | 'some' | 'none' {
  const printable = items.filter(isPrintable);
  const picked = printable.filter((item) => selection.has(item.id)).length;
  if (printable.length === 0 || picked === 0) return 'none';
  return picked === printable.length ? 'all' : 'some';
}

/** The selected records in the order they were picked. */
export function selectedItems(selection: Selection): ArchiveListItem[] {
  return [...selection.values()];
}
