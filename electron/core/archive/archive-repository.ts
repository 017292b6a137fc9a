import type Database from 'better-sqlite3';
import type { ArchiveEvent, ArchiveListItem, ArchiveRecord, ArchiveSummary, Signer } from '../../shared/dto';
import type { FieldValues, Template } from '../../shared/template';
import { CoreError } from '../errors';
import { appendEvent } from './append-event';
import type { ArchiveDbRow } from './archive-row';
import { archiveRowHash } from './chain-hash';
import { indexArchiveRecord } from './index-archive-record';
import { insertArchiveRow } from './insert-archive-row';
import { listEvents } from './list-events';
import { maskPersonal } from './mask-personal';
import { type PersonalData, mergePersonal, splitPersonal } from './personal-data';
import { recordStatus } from './record-status';
import { toListItem, toSummary } from './to-list-item';

/** What finalisation writes for one signed pledge. Rows are append-only (SQLite triggers refuse changes). */
export interface NewArchiveRow {
  id: string;
  /** Default `composed`; a `stamped` record (an outside PDF stamped here) opens with a `stamped` event. */
  kind?: 'composed' | 'stamped';
  templateId: string;
  templateVersion: string;
  title: string;
  /** The signer as signed, personal numbers included: `insert` moves those to `personal_data`. */
  signer: Signer;
  values: FieldValues;
  date: string;
  signedAt: string;
  fileSha256: string;
  fileBytes: number;
  contentHash: string;
  draftId: string | null;
}

/** A record as the core returns it: the host adds the PDF's and scans' URLs. */
export type StoredRecord = Omit<ArchiveRecord, 'pdf' | 'scans'> & { fileBytes: number };

type Row = ArchiveDbRow & { rowid: number };

/** True when the record's latest `imported` event says its bundle came without personal data. */
function notImported(events: readonly ArchiveEvent[]): boolean {
  const imported = events.filter((e) => e.kind === 'imported').at(-1);
  return imported?.details.personalData === 'omitted';
}

/**
 * The archive's records. Writing a record also writes its personal-data row, its `signed` event (which chains
 * the row) and its search entries: call `insert` inside the caller's transaction so that all or none land.
 */
export class ArchiveRepository {
  constructor(private readonly db: Database.Database) {}

  /**
   * Inserts a record. `template` lets personal blanks (phone, ID card, address) move out of the row and
   * lets the record's values be searched with their clause text; `salt` is 16 random bytes as hex.
   */
  insert(row: NewArchiveRow, template: Template | null, salt: string): ArchiveEvent {
    const split = splitPersonal(row.signer, row.values, template?.fields ?? null, salt);
    if (split.personal) {
      this.db.prepare('INSERT OR IGNORE INTO personal_data (hash, json) VALUES (?, ?)').run(split.personal.hash, split.personal.json);
    }
    const content = {
      id: row.id,
      kind: row.kind ?? 'composed',
      templateId: row.templateId,
      templateVersion: row.templateVersion,
      title: row.title,
      signerName: row.signer.name,
      organisation: row.signer.organisation ?? null,
      signer: split.signer,
      values: split.values,
      personalHash: split.personal?.hash ?? null,
      date: row.date,
      signedAt: row.signedAt,
      fileSha256: row.fileSha256,
      fileBytes: row.fileBytes,
      contentHash: row.contentHash,
      draftId: row.draftId,
    };
    const docid = insertArchiveRow(this.db, content);
    const event = appendEvent(this.db, {
      recordId: row.id,
      kind: content.kind === 'stamped' ? 'stamped' : 'signed',
      at: row.signedAt,
      details: { rowHash: archiveRowHash(content), fileSha256: row.fileSha256, contentHash: row.contentHash },
    });
    indexArchiveRecord(this.db, { docid, row: content, template, signerType: row.signer.type });
    return event;
  }

  /** Every record, newest first (the summary shape of `archive.list`; `archive.search` adds status). */
  list(): ArchiveSummary[] {
    return (this.db.prepare('SELECT rowid, * FROM archive ORDER BY signed_at DESC, rowid DESC').all() as Row[]).map(toSummary);
  }

  /** True when a record with this id exists. */
  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM archive WHERE id = ?').get(id) !== undefined;
  }

  /**
   * A record with its events and status. Personal data is masked unless `reveal`; absent once erased.
   * Throws ARCHIVE_NOT_FOUND.
   */
  get(id: string, options: { reveal?: boolean } = {}): StoredRecord {
    const row = this.row(id);
    const events = listEvents(this.db, id);
    const { status, supersededBy } = recordStatus(events);
    const personal = this.personal(row);
    const merged = mergePersonal(
      JSON.parse(row.signer_json) as Signer,
      JSON.parse(row.values_json) as FieldValues,
      personal,
      options.reveal ? undefined : maskPersonal,
    );
    const personalData =
      row.personal_hash === null ? 'none' : personal !== null ? (options.reveal ? 'revealed' : 'masked') : status !== 'redacted' && notImported(events) ? 'not-imported' : 'erased';
    return {
      ...toSummary(row),
      templateId: row.template_id,
      templateVersion: row.template_version,
      draftId: row.draft_id,
      values: merged.values,
      signerDetails: merged.signer,
      fileBytes: row.file_bytes,
      status,
      signerType: merged.signer.type,
      supersededBy,
      events,
      personalData,
    };
  }

  /** The list item (summary, status, never personal data) of each id that exists, in the order given. */
  items(ids: readonly string[]): ArchiveListItem[] {
    const out: ArchiveListItem[] = [];
    for (const id of ids) {
      const row = this.db.prepare('SELECT rowid, * FROM archive WHERE id = ?').get(id) as Row | undefined;
      if (row) out.push(toListItem(row, listEvents(this.db, id)));
    }
    return out;
  }

  /** The raw row; throws ARCHIVE_NOT_FOUND. */
  row(id: string): Row {
    const row = this.db.prepare('SELECT rowid, * FROM archive WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${id}`);
    return row;
  }

  /** The id of the record whose PDF has this SHA-256, or null. */
  findByFile(sha256: string): string | null {
    return (this.db.prepare('SELECT id FROM archive WHERE file_sha256 = ? ORDER BY rowid LIMIT 1').pluck().get(sha256) as string | undefined) ?? null;
  }

  /** True when some record's PDF has this SHA-256 (the blob route serves archived PDFs by hash). */
  hasFile(sha256: string): boolean {
    return this.findByFile(sha256) !== null;
  }

  /** The record's personal data, or null when it has none or it was erased. */
  personal(row: Pick<ArchiveDbRow, 'personal_hash'>): PersonalData | null {
    if (row.personal_hash === null) return null;
    const json = this.db.prepare('SELECT json FROM personal_data WHERE hash = ?').pluck().get(row.personal_hash) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as PersonalData);
  }
}
