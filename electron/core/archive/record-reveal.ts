import type Database from 'better-sqlite3';
import type { ArchiveEvent } from '../../shared/dto';
import { appendEvent } from './append-event';
import { ArchiveRepository } from './archive-repository';
import { PERSONAL_SIGNER_KEYS, type PersonalData } from './personal-data';

/** Where personal data was shown in full: the app's record screen, or `pledge archive show --reveal`. */
export type RevealVia = 'app' | 'cli';

/**
 * Names of the personal fields a reveal shows, in a stable order: `signer.idNumber`, `signer.phone`,
 * `signer.address` (those present), then `values.<fieldId>` sorted by field id. Names only, never values.
 */
export function revealedFields(personal: PersonalData): string[] {
  const signer = PERSONAL_SIGNER_KEYS.filter((key) => (personal.signer[key] ?? '') !== '').map((key) => `signer.${key}`);
  const values = Object.keys(personal.values)
    .sort()
    .map((id) => `values.${id}`);
  return [...signer, ...values];
}

/**
 * Logs that a record's personal data is about to be shown in full: appends one `revealed` event
 * ({via, fields}) and returns it. Returns null, appending nothing, when there is nothing to reveal: the record
 * never had personal data, it was erased by a redaction, or the record was imported without it. Throws
 * ARCHIVE_NOT_FOUND. Reading and appending share one IMMEDIATE transaction, so an erasure cannot slip between.
 */
export function recordReveal(db: Database.Database, input: { id: string; via: RevealVia; at: string }): ArchiveEvent | null {
  return db
    .transaction(() => {
      const archive = new ArchiveRepository(db);
      const personal = archive.personal(archive.row(input.id));
      const fields = personal === null ? [] : revealedFields(personal);
      if (fields.length === 0) return null;
      return appendEvent(db, { recordId: input.id, kind: 'revealed', at: input.at, details: { via: input.via, fields } });
    })
    .immediate();
}
