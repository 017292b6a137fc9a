import type { DraftSummary } from '../../electron/shared/dto';

/** Open drafts first, then signed ones; each group by last change, newest first. */
export function sortDrafts(drafts: readonly DraftSummary[]): DraftSummary[] {
  return [...drafts].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
}
