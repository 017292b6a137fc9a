import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { appendEvent } from './append-event';
import { listEvents } from './list-events';
import { PERSONAL_SIGNER_KEYS, type PersonalData } from './personal-data';
import { recordState } from './record-state';
import { setSearchStatus } from './set-search-status';

export interface Redaction {
  /** The `redacted` event (the earlier one when the record was redacted before). */
  event: ArchiveEvent;
  /** Files the caller must now delete: the PDF and every attached scan, unless another record uses them. */
  files: { pdf: string | null; scans: string[] };
  /** True when the record had been redacted before (the caller only retries deleting leftover files). */
  already: boolean;
}

/**
 * Erases a record's personal content on request, in one transaction: deletes its `personal_data` row (ID and
 * phone numbers, addresses), its search text entries, and the personal data left in the draft it was signed
 * from, and appends a `redacted` event saying what was erased and why. The immutable row, with the PDF's and
 * content's hashes as tombstones, stays, so the chain still verifies. The caller deletes the files named in
 * the result after the commit (a crash in between leaves files that `verifyAll` reports and a retry removes).
 * `reason` is kept in the chain forever: it should not itself hold personal data. Throws ARCHIVE_NOT_FOUND.
 */
export function redactRecord(db: Database.Database, input: { id: string; reason: string; at: string }): Redaction {
  // Freed pages are zeroed, so the erased rows cannot be read back from the file's free space.
  db.pragma('secure_delete = ON');
  return db.transaction((): Redaction => {
    const { row, status } = recordState(db, input.id);
    const events = listEvents(db, input.id);
    const scans = events.filter((e) => e.kind === 'scan-attached').map((e) => String(e.details.sha256));
    const pdfShared = db.prepare('SELECT 1 FROM archive WHERE file_sha256 = ? AND id <> ? LIMIT 1').get(row.file_sha256, row.id) !== undefined;
    const files = { pdf: pdfShared ? null : row.file_sha256, scans };
    if (status === 'redacted') {
      const earlier = events.find((e) => e.kind === 'redacted') as ArchiveEvent;
      return { event: earlier, files, already: true };
    }
    let personalFields: string[] = [];
    if (row.personal_hash !== null) {
      const json = db.prepare('DELETE FROM personal_data WHERE hash = ? RETURNING json').pluck().get(row.personal_hash) as string | undefined;
      if (json !== undefined) personalFields = Object.keys((JSON.parse(json) as PersonalData).values);
    }
    const draftId = db.prepare('SELECT id FROM drafts WHERE archive_id = ? OR id = ?').pluck().get(row.id, row.draft_id) as string | undefined;
    if (draftId !== undefined) {
      const paths = (keys: readonly string[]): string => keys.map((k) => `, '$.${k.replaceAll('"', '')}'`).join('');
      db.prepare(
        `UPDATE drafts SET signer_json = CASE WHEN signer_json IS NULL THEN NULL ELSE json_remove(signer_json${paths(PERSONAL_SIGNER_KEYS)}) END
           ${personalFields.length > 0 ? `, values_json = json_remove(values_json${personalFields.map((f) => `, '$."${f.replaceAll('"', '').replaceAll("'", '')}"'`).join('')})` : ''}
         WHERE id = ?`,
      ).run(draftId);
    }
    setSearchStatus(db, row.id, 'redacted');
    const event = appendEvent(db, {
      recordId: row.id,
      kind: 'redacted',
      at: input.at,
      details: {
        reason: input.reason,
        erased: {
          personalData: row.personal_hash !== null,
          pdf: row.file_sha256,
          scans,
          searchEntries: true,
          draft: draftId ?? null,
        },
      },
    });
    return { event, files, already: false };
  }).immediate();
}
