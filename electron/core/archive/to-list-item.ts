import type { ArchiveEvent, ArchiveListItem, ArchiveSummary, Signer } from '../../shared/dto';
import type { ArchiveDbRow } from './archive-row';
import { recordStatus } from './record-status';

/** The summary shape of `archive.list`. */
export function toSummary(row: ArchiveDbRow): ArchiveSummary {
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

/** A row and its events as a list item: summary, template, signer type and status; never personal data. */
export function toListItem(row: ArchiveDbRow, events: readonly Pick<ArchiveEvent, 'kind' | 'details'>[]): ArchiveListItem {
  const { status, supersededBy } = recordStatus(events);
  const signerType = (JSON.parse(row.signer_json) as Pick<Signer, 'type'>).type;
  return { ...toSummary(row), templateId: row.template_id, signerType, status, supersededBy };
}
