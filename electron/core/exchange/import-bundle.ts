import type Database from 'better-sqlite3';
import type { BundleRecord } from '../../shared/bundle-manifest';
import type { BundleImportResult, BundleSkipReason } from '../../shared/dto';
import type { Template } from '../../shared/template';
import { appendEvent } from '../archive/append-event';
import { type ArchiveDbRow, type ArchiveRowContent, rowContent } from '../archive/archive-row';
import { archiveRowHash } from '../archive/chain-hash';
import { indexArchiveRecord } from '../archive/index-archive-record';
import { insertArchiveRow } from '../archive/insert-archive-row';
import { listEvents } from '../archive/list-events';
import { recordStatus } from '../archive/record-status';
import { CoreError } from '../errors';
import type { VerifiedBundle } from './open-bundle';

/** Where imported files go: the archive's content-addressed stores. */
export interface ImportBundleDeps {
  /** Stores an archived PDF under its SHA-256 (left as is when present); returns the SHA-256. */
  putPdf: (bytes: Uint8Array) => string;
  hasPdf: (sha256: string) => boolean;
  removePdf: (sha256: string) => void;
  putScan: (bytes: Uint8Array) => string;
  hasScan: (sha256: string) => boolean;
  removeScan: (sha256: string) => void;
  /** The host clock's now, for the `imported` events. */
  now: Date;
  /** SHA-256 of the bundle file, named in each `imported` event. */
  bundleSha256: string;
}

/** How an imported record's personal data arrived: the `imported` event says it, `verifyAll` and `archive.get` read it. */
export type ImportedPersonalData = 'included' | 'omitted' | 'none' | 'erased';

/**
 * Imports a verified bundle (see `openBundle`). A record whose id is here already is never touched: skipped
 * as `already-present` when its row is identical, as `conflict` otherwise. For the others, in one IMMEDIATE
 * transaction: the template versions they need (when new here, with their original date, so that the newest
 * version used for new drafts does not change), their personal-data rows (when carried), a placeholder for
 * the draft each row names (a signed draft in the trash without answers: the draft reference is part of the
 * hashed row and must resolve here), the rows, then their events replayed onto this archive's chain in their
 * original order (same record, kind, time and details: the signed event's `rowHash` still matches the row),
 * one `imported` event per record (the bundle's hash, whether personal data came along, and the source
 * chain's hashes of the replayed events), and their search entries. PDFs and scans are stored before the
 * transaction and those it newly stored are removed again if it fails.
 */
export function importBundle(db: Database.Database, bundle: VerifiedBundle, deps: ImportBundleDeps): BundleImportResult {
  const { manifest } = bundle;
  const templateKey = (row: Pick<ArchiveRowContent, 'templateId' | 'templateVersion'>): string => JSON.stringify([row.templateId, row.templateVersion]);
  const hasTemplate = db.prepare('SELECT 1 FROM templates WHERE id = ? AND version = ?');
  const plan = classify(db, manifest.records);
  for (const { row } of plan.toImport) {
    if (row.draftId !== null && !bundle.templates.has(templateKey(row)) && hasTemplate.get(row.templateId, row.templateVersion) === undefined) {
      throw new CoreError('BUNDLE_INVALID', `record ${row.id} needs template ${row.templateId} version ${row.templateVersion.slice(0, 12)}, which neither the bundle nor this archive holds`, undefined, {
        recordId: row.id,
      });
    }
  }

  const created: Array<() => void> = [];
  try {
    for (const record of plan.toImport) {
      if (record.events.some((e) => e.kind === 'redacted')) continue;
      const pdf = record.row.fileSha256;
      if (!deps.hasPdf(pdf)) {
        deps.putPdf(bundle.readFile(`archive/${pdf}.pdf`));
        created.push(() => deps.removePdf(pdf));
      }
      for (const e of record.events) {
        const sha = String(e.details.sha256);
        if (e.kind !== 'scan-attached' || deps.hasScan(sha)) continue;
        deps.putScan(bundle.readFile(`scans/${sha}`));
        created.push(() => deps.removeScan(sha));
      }
    }
    return db.transaction((): BundleImportResult => {
      // Again inside the write lock: another writer may have added some of these records meanwhile.
      const { toImport, skipped } = classify(db, manifest.records);
      const at = deps.now.toISOString();
      let templates = 0;
      const putTemplate = db.prepare('INSERT INTO templates (id, version, title, source, json, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      const putPersonal = db.prepare('INSERT OR IGNORE INTO personal_data (hash, json) VALUES (?, ?)');
      const hasDraft = db.prepare('SELECT 1 FROM drafts WHERE id = ?');
      const putDraft = db.prepare(
        `INSERT INTO drafts (id, template_id, template_version, values_json, signer_json, step, status, archive_id, created_at, updated_at, acks_json, deleted_at)
         VALUES (?, ?, ?, '{}', NULL, 'sign', 'signed', ?, ?, ?, '{}', ?)`,
      );
      const templateJson = db.prepare('SELECT json FROM templates WHERE id = ? AND version = ?').pluck();
      const parsedTemplates = new Map<string, Template | null>();
      // Parsed once per version: a bundle of thousands of records usually holds a handful of templates.
      const templateOf = (row: Pick<ArchiveRowContent, 'templateId' | 'templateVersion'>): Template | null => {
        const key = templateKey(row);
        if (!parsedTemplates.has(key)) {
          const json = templateJson.get(row.templateId, row.templateVersion) as string | undefined;
          parsedTemplates.set(key, json === undefined ? null : (JSON.parse(json) as Template));
        }
        return parsedTemplates.get(key) ?? null;
      };
      const docids = new Map<string, number>();
      const personalState = new Map<string, ImportedPersonalData>();
      for (const { row, events } of toImport) {
        const key = templateKey(row);
        const carried = bundle.templates.get(key);
        if (carried && hasTemplate.get(row.templateId, row.templateVersion) === undefined) {
          putTemplate.run(row.templateId, row.templateVersion, carried.template.title, 'import', carried.json, carried.createdAt);
          templates++;
        }
        const personalJson = row.personalHash === null ? undefined : bundle.personal.get(row.personalHash);
        if (row.personalHash !== null && personalJson !== undefined) putPersonal.run(row.personalHash, personalJson);
        personalState.set(
          row.id,
          row.personalHash === null ? 'none' : events.some((e) => e.kind === 'redacted') ? 'erased' : personalJson !== undefined ? 'included' : 'omitted',
        );
        if (row.draftId !== null && hasDraft.get(row.draftId) === undefined) putDraft.run(row.draftId, row.templateId, row.templateVersion, row.id, row.signedAt, at, at);
        docids.set(row.id, insertArchiveRow(db, row as ArchiveRowContent));
      }
      // The records' histories, interleaved as they were in the source chain.
      const replay = toImport.flatMap((r) => r.events).sort((a, b) => a.seq - b.seq);
      for (const e of replay) appendEvent(db, { recordId: e.recordId, kind: e.kind, at: e.at, details: e.details });
      for (const { row, events } of toImport) {
        appendEvent(db, {
          recordId: row.id,
          kind: 'imported',
          at,
          details: {
            bundle: deps.bundleSha256,
            bundleCreatedAt: manifest.createdAt,
            appVersion: manifest.appVersion,
            personalData: personalState.get(row.id),
            source: { headHash: manifest.source.headHash, events: events.map((e) => ({ seq: e.seq, hash: e.hash })) },
          },
        });
        indexArchiveRecord(db, {
          docid: docids.get(row.id) as number,
          row: row as ArchiveRowContent,
          template: templateOf(row),
          signerType: row.signer.type,
          status: recordStatus(listEvents(db, row.id)).status,
        });
      }
      return { imported: toImport.map((r) => r.row.id), skipped, templates };
    }).immediate();
  } catch (error) {
    for (const undo of created) undo();
    throw error;
  }
}

function classify(db: Database.Database, records: readonly BundleRecord[]): { toImport: BundleRecord[]; skipped: BundleImportResult['skipped'] } {
  const existing = db.prepare('SELECT * FROM archive WHERE id = ?');
  const toImport: BundleRecord[] = [];
  const skipped: Array<{ id: string; reason: BundleSkipReason }> = [];
  for (const record of records) {
    const row = existing.get(record.row.id) as ArchiveDbRow | undefined;
    if (!row) toImport.push(record);
    else skipped.push({ id: record.row.id, reason: archiveRowHash(rowContent(row)) === archiveRowHash(record.row as ArchiveRowContent) ? 'already-present' : 'conflict' });
  }
  return { toImport, skipped };
}
