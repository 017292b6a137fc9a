import type Database from 'better-sqlite3';
import type { ArchiveRecord, ArchiveSummary, Signer } from '../../shared/dto';
import type { FieldValues } from '../../shared/template';
import { CoreError } from '../errors';

/** What finalisation writes for one signed pledge. Rows are append-only (SQLite triggers refuse changes). */
export interface NewArchiveRow {
  id: string;
  templateId: string;
  templateVersion: string;
  title: string;
  signer: Signer;
  values: FieldValues;
  date: string;
  signedAt: string;
  fileSha256: string;
  fileBytes: number;
  contentHash: string;
  draftId: string | null;
}

interface Row {
  id: string;
  kind: 'composed';
  template_id: string;
  template_version: string;
  title: string;
  signer_name: string;
  organisation: string | null;
  signer_json: string;
  values_json: string;
  sign_date: string;
  signed_at: string;
  file_sha256: string;
  file_bytes: number;
  content_hash: string;
  draft_id: string | null;
}

export class ArchiveRepository {
  constructor(private readonly db: Database.Database) {}

  insert(row: NewArchiveRow): void {
    this.db
      .prepare(
        `INSERT INTO archive (id, kind, template_id, template_version, title, signer_name, organisation, signer_json,
           values_json, sign_date, signed_at, file_sha256, file_bytes, content_hash, draft_id)
         VALUES (?, 'composed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.templateId,
        row.templateVersion,
        row.title,
        row.signer.name,
        row.signer.organisation ?? null,
        JSON.stringify(row.signer),
        JSON.stringify(row.values),
        row.date,
        row.signedAt,
        row.fileSha256,
        row.fileBytes,
        row.contentHash,
        row.draftId,
      );
  }

  /** Every record, newest first. */
  list(): ArchiveSummary[] {
    return (this.db.prepare('SELECT * FROM archive ORDER BY signed_at DESC, rowid DESC').all() as Row[]).map(toSummary);
  }

  /** A record without its PDF location (the host adds that). */
  get(id: string): Omit<ArchiveRecord, 'pdf'> & { fileBytes: number } {
    const row = this.db.prepare('SELECT * FROM archive WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${id}`);
    return {
      ...toSummary(row),
      templateId: row.template_id,
      templateVersion: row.template_version,
      draftId: row.draft_id,
      values: JSON.parse(row.values_json) as FieldValues,
      signerDetails: JSON.parse(row.signer_json) as Signer,
      fileBytes: row.file_bytes,
    };
  }

  /** True when some record's PDF has this SHA-256 (the blob route serves archived PDFs by hash). */
  hasFile(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM archive WHERE file_sha256 = ? LIMIT 1').get(sha256) !== undefined;
  }
}

function toSummary(row: Row): ArchiveSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    signer: row.signer_name,
    organisation: row.organisation,
    signedAt: row.signed_at,
    date: row.sign_date,
    fileSha256: row.file_sha256,
    contentHash: row.content_hash,
  };
}
