import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { CoreError } from '../errors';
import { appendEvent } from './append-event';
import { recordState } from './record-state';
import { setSearchStatus } from './set-search-status';

/**
 * Records that `by` corrects and replaces `id`: a `superseded` event on `id` naming `by`. Both must exist,
 * differ, and `by` must not be older than `id`; a record is superseded once, and never by a record that it
 * (directly or through others) supersedes. Throws ARCHIVE_NOT_FOUND or SUPERSEDE_INVALID. Call inside a
 * transaction when it must land with other writes (finalisation does).
 */
export function supersedeRecord(db: Database.Database, input: { id: string; by: string; reason?: string; at: string }): ArchiveEvent {
  const old = recordState(db, input.id);
  const next = recordState(db, input.by);
  if (input.id === input.by) throw new CoreError('SUPERSEDE_INVALID', 'a record cannot supersede itself', 'by');
  if (old.supersededBy !== null) throw new CoreError('SUPERSEDE_INVALID', `${input.id} was superseded by ${old.supersededBy} already`, 'id');
  if (next.row.signed_at < old.row.signed_at) throw new CoreError('SUPERSEDE_INVALID', `${input.by} was signed before ${input.id}`, 'by');
  // Walk forward from `by`: meeting `id` would make a cycle.
  const seen = new Set<string>();
  for (let at: string | null = input.by; at !== null && !seen.has(at); at = recordState(db, at).supersededBy) {
    if (at === input.id) throw new CoreError('SUPERSEDE_INVALID', `${input.by} is itself superseded by ${input.id}`, 'by');
    seen.add(at);
  }
  const event = appendEvent(db, {
    recordId: input.id,
    kind: 'superseded',
    at: input.at,
    details: { by: input.by, ...(input.reason ? { reason: input.reason } : {}) },
  });
  if (old.status === 'valid') setSearchStatus(db, input.id, 'superseded');
  return event;
}
