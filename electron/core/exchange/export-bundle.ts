import type Database from 'better-sqlite3';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_MANIFEST_NAME, type BundleManifest } from '../../shared/bundle-manifest';
import type { Template } from '../../shared/template';
import { type ArchiveDbRow, rowContent } from '../archive/archive-row';
import { CHAIN_SCHEMA, GENESIS_HASH } from '../archive/chain-hash';
import { listEvents } from '../archive/list-events';
import { recordStatus } from '../archive/record-status';
import { CoreError } from '../errors';
import { sha256Hex } from '../util/sha256-hex';
import { ZipWriter } from './zip-writer';

export interface ExportBundleInput {
  /** Record ids (duplicates ignored), or every record. */
  ids: readonly string[] | 'all';
  includePersonalData: boolean;
  appVersion: string;
  /** The host clock's now: the manifest's `createdAt` and every entry's time stamp. */
  now: Date;
  /** The ZIP to create; it must not exist. Deleted again when the export fails. */
  path: string;
}

export interface ExportBundleDeps {
  /** An archived PDF's bytes by SHA-256; null when missing. */
  readPdf: (sha256: string) => Uint8Array | null;
  /** A scan's bytes by SHA-256; null when missing. */
  readScan: (sha256: string) => Uint8Array | null;
}

export interface ExportedBundle {
  bytes: number;
  /** SHA-256 of the ZIP file. */
  sha256: string;
  /** The exported record ids, in chain order. */
  ids: string[];
}

type Row = ArchiveDbRow & { rowid: number };

/**
 * Writes an exchange bundle (see `shared/bundle-manifest.ts`): for each record its row content as hashed in
 * the chain, its whole event history, its PDF and scans (not for a redacted record: those were erased), the
 * template versions the records were signed on and, only with `includePersonalData`, each record's
 * personal-data row as `personal/<personalHash>.json`. The database is read in one transaction (a consistent
 * snapshot); a stored file that is missing or no longer matches its hash stops the export (BUNDLE_INVALID:
 * such a bundle would be refused on import), as does an unknown id (ARCHIVE_NOT_FOUND). Appends no event: the
 * caller records the export once the file exists.
 */
export function exportBundle(db: Database.Database, input: ExportBundleInput, deps: ExportBundleDeps): ExportedBundle {
  const steps = exportBundleSteps(db, input, deps);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How far a running export is: records whose files are written, of all records in the bundle. */
export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * `exportBundle` one batch of records at a time (a generator: the caller may report progress and yield to
 * other work between batches; the bundle is the return value). The database snapshot is taken before the
 * first step, in one transaction. Stopping the generator early (`return()`) deletes the unfinished ZIP.
 */
export function* exportBundleSteps(db: Database.Database, input: ExportBundleInput, deps: ExportBundleDeps, batchSize = 10): Generator<ExportProgress, ExportedBundle> {
  const snapshot = db.transaction(() => collect(db, input))();
  const writer = new ZipWriter(input.path, input.now);
  let finished = false;
  try {
    const files: BundleManifest['files'] = [];
    const written = new Set<string>();
    const add = (path: string, sha256: string, bytes: Uint8Array | null, what: string): void => {
      if (bytes === null) throw new CoreError('BUNDLE_INVALID', `cannot export: ${what} is missing from the data folder (see archive.verifyAll)`);
      if (sha256Hex(bytes) !== sha256) throw new CoreError('BUNDLE_INVALID', `cannot export: ${what} no longer matches its hash (see archive.verifyAll)`);
      if (written.has(path)) return;
      written.add(path);
      writer.add(path, bytes);
      files.push({ path, sha256, bytes: bytes.length });
    };
    const total = snapshot.records.length;
    for (const [index, record] of snapshot.records.entries()) {
      if (index % batchSize === 0) yield { done: index, total };
      if (record.redacted) continue;
      add(`archive/${record.row.fileSha256}.pdf`, record.row.fileSha256, deps.readPdf(record.row.fileSha256), `the PDF of ${record.row.id}`);
      for (const sha of record.scans) add(`scans/${sha}`, sha, deps.readScan(sha), `the scan ${sha} of ${record.row.id}`);
      if (record.personalJson !== null && record.row.personalHash !== null) {
        add(`personal/${record.row.personalHash}.json`, record.row.personalHash, new TextEncoder().encode(record.personalJson), `the personal data of ${record.row.id}`);
      }
    }
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      appVersion: input.appVersion,
      createdAt: input.now.toISOString(),
      chainSchema: CHAIN_SCHEMA,
      personalData: input.includePersonalData ? 'included' : 'omitted',
      source: snapshot.head,
      complete: snapshot.complete,
      templates: snapshot.templates,
      records: snapshot.records.map((r) => ({ row: r.row, events: r.events })),
      files,
    };
    // Last, so that it can list every file with its hash without reading any file twice.
    writer.add(BUNDLE_MANIFEST_NAME, new TextEncoder().encode(JSON.stringify(manifest)));
    const { bytes, sha256 } = writer.finish();
    finished = true;
    return { bytes, sha256, ids: snapshot.records.map((r) => r.row.id) };
  } finally {
    // A failure, or a caller that stopped early: no half-written bundle stays behind.
    if (!finished) writer.abort();
  }
}

interface Snapshot {
  head: BundleManifest['source'];
  complete: boolean;
  templates: BundleManifest['templates'];
  records: Array<{
    row: BundleManifest['records'][number]['row'];
    events: BundleManifest['records'][number]['events'];
    redacted: boolean;
    scans: string[];
    personalJson: string | null;
  }>;
}

function collect(db: Database.Database, input: ExportBundleInput): Snapshot {
  let rows: Row[];
  if (input.ids === 'all') {
    rows = db.prepare('SELECT rowid, * FROM archive ORDER BY rowid').all() as Row[];
  } else {
    const byId = db.prepare('SELECT rowid, * FROM archive WHERE id = ?');
    rows = [...new Set(input.ids)].map((id) => {
      const row = byId.get(id) as Row | undefined;
      if (!row) throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${id}`, 'ids');
      return row;
    });
    // Chain order, so that a reader meets each record's events in the order they were written.
    rows.sort((a, b) => a.rowid - b.rowid);
  }
  if (rows.length === 0) throw new CoreError('ARCHIVE_NOT_FOUND', 'the archive is empty: there is nothing to export', 'ids');
  const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const personal = db.prepare('SELECT json FROM personal_data WHERE hash = ?').pluck();
  const template = db.prepare('SELECT json, created_at FROM templates WHERE id = ? AND version = ?');
  const templates: Snapshot['templates'] = [];
  const seenTemplates = new Set<string>();
  const records = rows.map((row) => {
    const events = listEvents(db, row.id);
    const redacted = recordStatus(events).status === 'redacted';
    const content = rowContent(row);
    const key = JSON.stringify([content.templateId, content.templateVersion]);
    if (!seenTemplates.has(key)) {
      seenTemplates.add(key);
      const found = template.get(content.templateId, content.templateVersion) as { json: string; created_at: string } | undefined;
      if (found) {
        templates.push({ id: content.templateId, version: content.templateVersion, createdAt: found.created_at, template: JSON.parse(found.json) as Template });
      }
    }
    const personalJson =
      input.includePersonalData && !redacted && row.personal_hash !== null ? ((personal.get(row.personal_hash) as string | undefined) ?? null) : null;
    return {
      row: content,
      events,
      redacted,
      scans: redacted ? [] : events.filter((e) => e.kind === 'scan-attached').map((e) => String(e.details.sha256)),
      personalJson,
    };
  });
  const total = db.prepare('SELECT count(*) FROM archive').pluck().get() as number;
  return { head: { headHash: head?.hash ?? GENESIS_HASH, events: head?.seq ?? 0 }, complete: records.length === total, templates, records };
}
