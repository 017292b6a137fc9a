import type { Signer } from '../../shared/dto';
import type { FieldValues } from '../../shared/template';

/** An `archive` row as SQLite returns it (schema of migration 3). */
export interface ArchiveDbRow {
  id: string;
  kind: 'composed' | 'stamped';
  template_id: string;
  template_version: string;
  title: string;
  signer_name: string;
  organisation: string | null;
  signer_json: string;
  values_json: string;
  personal_hash: string | null;
  sign_date: string;
  signed_at: string;
  file_sha256: string;
  file_bytes: number;
  content_hash: string;
  draft_id: string | null;
}

/**
 * An archive row's content, as hashed into the chain. `signer` and `values` hold no personal data: that lives
 * in `personal_data` under `personalHash` (see `splitPersonal`).
 */
export interface ArchiveRowContent {
  id: string;
  kind: 'composed' | 'stamped';
  templateId: string;
  templateVersion: string;
  title: string;
  signerName: string;
  organisation: string | null;
  signer: Signer;
  values: FieldValues;
  personalHash: string | null;
  /** YYYY-MM-DD written on the pledge. */
  date: string;
  /** ISO 8601 instant of finalisation. */
  signedAt: string;
  fileSha256: string;
  fileBytes: number;
  contentHash: string;
  draftId: string | null;
}

/** The row's content with its JSON columns parsed. Throws on a JSON column that no longer parses. */
export function rowContent(row: ArchiveDbRow): ArchiveRowContent {
  return {
    id: row.id,
    kind: row.kind,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    signerName: row.signer_name,
    organisation: row.organisation,
    signer: JSON.parse(row.signer_json) as Signer,
    values: JSON.parse(row.values_json) as FieldValues,
    personalHash: row.personal_hash,
    date: row.sign_date,
    signedAt: row.signed_at,
    fileSha256: row.file_sha256,
    fileBytes: row.file_bytes,
    contentHash: row.content_hash,
    draftId: row.draft_id,
  };
}
