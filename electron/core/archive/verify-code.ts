import type Database from 'better-sqlite3';
import type { VerifyCodeResult } from '../../shared/dto';
import type { ArchiveDbRow } from './archive-row';
import { listEvents } from './list-events';
import { parseVerificationCode } from './parse-verification';
import { toListItem } from './to-list-item';

/**
 * Checks a verification code typed from a printed copy (`<docId>-<12 hex>`): `match` when the record exists
 * and its content hash starts with the code's hex digits, `mismatch` when the record exists but they differ
 * (a mistyped code, or a copy of altered content), `unknown` when no record has that id or the text is not
 * a code (`normalised` is then null).
 */
export function verifyCode(db: Database.Database, code: string): VerifyCodeResult {
  const parsed = parseVerificationCode(code);
  if (!parsed) return { verdict: 'unknown', normalised: null };
  const row = db.prepare('SELECT * FROM archive WHERE id = ?').get(parsed.docId) as ArchiveDbRow | undefined;
  if (!row) return { verdict: 'unknown', normalised: parsed.normalised };
  return {
    verdict: row.content_hash.startsWith(parsed.hex) ? 'match' : 'mismatch',
    normalised: parsed.normalised,
    record: toListItem(row, listEvents(db, row.id)),
  };
}
