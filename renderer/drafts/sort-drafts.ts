import type { DraftSummary } from '../../electron/shared/dto';

/** Open drafts first, then signed ones; within each group the order the host sorted them in is kept. */
export function sortDrafts(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts.filter((d) => d.status === 'open'), ...drafts.filter((d) => d.status !== 'open')];
}

export type DraftSort = 'updated' | 'created' | 'title';
export const DRAFT_SORTS: readonly DraftSort[] = ['updated', 'created', 'title'];

export function parseDraftSort(value: string): DraftSort {
  return (DRAFT_SORTS as readonly string[]).includes(value) ? (value as DraftSort) : 'updated';
}
