import type Database from 'better-sqlite3';
import type { ArchiveRowContent } from './archive-row';

/**
 * Inserts one immutable archive row into `table` (`archive`, or the migration's staging copy) and returns its
 * rowid. `rowid` keeps a copied row's position (the chain walks records in insertion order).
 */
export function insertArchiveRow(db: Database.Database, row: ArchiveRowContent, table = 'archive', rowid?: number): number {
  const result = db
    .prepare(
      `INSERT INTO ${table} (rowid, id, kind, template_id, template_version, title, signer_name, organisation, signer_json,
         values_json, personal_hash, sign_date, signed_at, file_sha256, file_bytes, content_hash, draft_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      rowid ?? null,
      row.id,
      row.kind,
      row.templateId,
      row.templateVersion,
      row.title,
      row.signerName,
      row.organisation,
      JSON.stringify(row.signer),
      JSON.stringify(row.values),
      row.personalHash,
      row.date,
      row.signedAt,
      row.fileSha256,
      row.fileBytes,
      row.contentHash,
      row.draftId,
    );
  return Number(result.lastInsertRowid);
}
