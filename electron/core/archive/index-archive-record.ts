import type Database from 'better-sqlite3';
import type { ArchiveStatus, Signer } from '../../shared/dto';
import type { Template } from '../../shared/template';
import type { ArchiveRowContent } from './archive-row';
import { SIGNER_TYPE_CODE, STATUS_CODE, dayNumber } from './search-codes';
import { filledSearchText, shortGrams, templateSearchBody, textValues } from './search-text';

export interface IndexInput {
  /** The archive row's rowid: the record's key in every search table. */
  docid: number;
  row: ArchiveRowContent;
  /** The template version the record was signed on; null when it is no longer stored. */
  template: Template | null;
  signerType: Signer['type'];
  status?: ArchiveStatus;
}

/**
 * Adds a record to the search tables (derived data, rebuilt from the archive if lost):
 * - its template version's title and clause text once per version (`search_template`, trigram FTS);
 * - the record's filter and sort columns (`search_doc`);
 * - its names, filled values (with clause context) and ids in a trigram FTS (`search_fts`);
 * - the 1- and 2-character grams of its names and text values (`search_short`), which trigrams cannot find.
 * Personal data is never indexed: `row` holds none.
 */
export function indexArchiveRecord(db: Database.Database, input: IndexInput): void {
  const { row, template, docid } = input;
  const tkey = templateKey(db, row, template);
  db.prepare('INSERT INTO search_doc (docid, tkey, signed_ms, day, signer_type, status) VALUES (?, ?, ?, ?, ?, ?)').run(
    docid,
    tkey,
    Date.parse(row.signedAt),
    dayNumber(row.date),
    SIGNER_TYPE_CODE[input.signerType] ?? SIGNER_TYPE_CODE.其他,
    STATUS_CODE[input.status ?? 'valid'],
  );
  if (input.status === 'redacted') return;
  const names = [row.signerName, row.organisation ?? ''].join('\n');
  db.prepare('INSERT INTO search_fts (rowid, names, filled, ident) VALUES (?, ?, ?, ?)').run(
    docid,
    names,
    filledSearchText(template, row.values),
    [row.id, row.signer.creditCode ?? ''].join('\n'),
  );
  db.prepare('INSERT INTO search_short (rowid, grams) VALUES (?, ?)').run(
    docid,
    shortGrams([row.signerName, row.organisation ?? '', ...textValues(row.values)]),
  );
}

/** The key of the record's template version in `search_template`, indexing the version on first use. */
function templateKey(db: Database.Database, row: ArchiveRowContent, template: Template | null): number {
  const found = db
    .prepare('SELECT tkey FROM search_template WHERE template_id = ? AND template_version = ?')
    .pluck()
    .get(row.templateId, row.templateVersion) as number | undefined;
  if (found !== undefined) return found;
  const body = template ? templateSearchBody(template) : '';
  const tkey = Number(
    db
      .prepare('INSERT INTO search_template (template_id, template_version, title, body) VALUES (?, ?, ?, ?)')
      .run(row.templateId, row.templateVersion, row.title, body).lastInsertRowid,
  );
  db.prepare('INSERT INTO search_template_fts (rowid, title, body) VALUES (?, ?, ?)').run(tkey, row.title, body);
  return tkey;
}
