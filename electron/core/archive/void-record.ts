import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { CoreError } from '../errors';
import { appendEvent } from './append-event';
import { recordState } from './record-state';
import { setSearchStatus } from './set-search-status';

/**
 * Voids a record: appends a `voided` event with the reason; the row and its PDF stay (voiding is a statement
 * about the pledge, not a deletion). Throws ARCHIVE_NOT_FOUND, or ARCHIVE_VOIDED when it is void already.
 */
export function voidRecord(db: Database.Database, input: { id: string; reason: string; at: string }): ArchiveEvent {
  return db.transaction(() => {
    const { status } = recordState(db, input.id);
    if (status === 'void') throw new CoreError('ARCHIVE_VOIDED', `${input.id} is void already`);
    const event = appendEvent(db, { recordId: input.id, kind: 'voided', at: input.at, details: { reason: input.reason } });
    if (status !== 'redacted') setSearchStatus(db, input.id, 'void');
    return event;
  }).immediate();
}
