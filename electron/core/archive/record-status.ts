import type { ArchiveEvent, ArchiveStatus } from '../../shared/dto';

/**
 * A record's status from its events: `redacted` beats `void`, which beats `superseded`; otherwise `valid`.
 * Also the id of the record that superseded it (the latest `superseded` event's `by`).
 */
export function recordStatus(events: readonly Pick<ArchiveEvent, 'kind' | 'details'>[]): { status: ArchiveStatus; supersededBy: string | null } {
  let supersededBy: string | null = null;
  const kinds = new Set<string>();
  for (const event of events) {
    kinds.add(event.kind);
    if (event.kind === 'superseded' && typeof event.details.by === 'string') supersededBy = event.details.by;
  }
  const status: ArchiveStatus = kinds.has('redacted') ? 'redacted' : kinds.has('voided') ? 'void' : kinds.has('superseded') ? 'superseded' : 'valid';
  return { status, supersededBy };
}
