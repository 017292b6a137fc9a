import type Database from 'better-sqlite3';
import type { ArchiveFailure, ArchiveProblem, VerifyAllResult } from '../../shared/dto';
import { sha256Hex } from '../util/sha256-hex';
import { type ArchiveDbRow, rowContent } from './archive-row';
import { GENESIS_HASH, archiveRowHash, eventHash } from './chain-hash';
import type { EventDbRow } from './list-events';

export interface VerifyArchiveDeps {
  /** An archived PDF's bytes by SHA-256; null when the file is missing. */
  readPdf: (sha256: string) => Uint8Array | null;
  /** An attached scan's bytes by SHA-256; null when missing. */
  readScan: (sha256: string) => Uint8Array | null;
}

/** Where a running check is: after the chain (events) come the records (files and personal data). */
export interface VerifyProgress {
  phase: 'chain' | 'records';
  /** Events walked (chain) or records checked (records) so far, and how many there were when the check began. */
  done: number;
  total: number;
  /** Events walked plus records checked, and their sum: never decreases across the two phases. */
  overallDone: number;
  overallTotal: number;
}

/**
 * Checks the whole archive, one batch at a time (a generator: the caller may report progress and yield to
 * other work between batches; the result is the generator's return value):
 * - walks the events in `seq` order: no gap, each `prevHash` is the previous hash, each hash recomputes
 *   (an edited, removed or reordered event breaks this), and each `signed` event's row hash equals the hash
 *   of the row it names (an edited or removed row breaks this);
 * - then every record: it is opened by a `signed` event; its PDF and scans still hash to their names; its
 *   personal data is present and unaltered (unless its latest `imported` event says the bundle it came in
 *   was made without personal data), or, once redacted, really gone (files included).
 * Every failing record is named with the problem found. A removed last event cannot be detected from inside
 * the database: `headHash`, written down elsewhere, anchors the chain.
 */
export function* verifyArchiveSteps(db: Database.Database, deps: VerifyArchiveDeps, batchSize = 200): Generator<VerifyProgress, VerifyAllResult> {
  const failures: ArchiveFailure[] = [];
  const seen = new Set<string>();
  const fail = (recordId: string, problem: ArchiveProblem, message: string): void => {
    const key = `${recordId}\u0000${problem}`;
    if (seen.has(key)) return;
    seen.add(key);
    failures.push({ recordId, problem, message });
  };
  const totalEvents = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  const totalRecords = db.prepare('SELECT count(*) FROM archive').pluck().get() as number;
  const rowById = db.prepare('SELECT * FROM archive WHERE id = ?');
  const opened = new Set<string>();
  const redacted = new Set<string>();
  // Records imported from a bundle made without personal data: their rows name personal data never held here.
  const notImported = new Set<string>();
  const scans = new Map<string, string[]>();

  let prev = GENESIS_HASH;
  let expected = 1;
  let events = 0;
  const eventBatch = db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
  for (;;) {
    const batch = eventBatch.all(expected - 1, batchSize) as EventDbRow[];
    if (batch.length === 0) break;
    for (const e of batch) {
      events++;
      if (e.seq !== expected) fail(e.record_id, 'chain-broken', `events ${expected}–${e.seq - 1} before event ${e.seq} are missing`);
      if (e.prev_hash !== prev) {
        fail(e.record_id, 'chain-broken', `event ${e.seq} does not follow event ${e.seq - 1}: an event before it was removed, edited or reordered`);
      }
      let details: Record<string, unknown> = {};
      try {
        details = JSON.parse(e.details_json) as Record<string, unknown>;
        if (eventHash(e.prev_hash, { seq: e.seq, recordId: e.record_id, kind: e.kind, at: e.at, details }) !== e.hash) {
          fail(e.record_id, 'event-altered', `event ${e.seq} (${e.kind}) no longer matches its hash: it was edited`);
        }
      } catch {
        fail(e.record_id, 'event-altered', `event ${e.seq} (${e.kind}) is unreadable: it was edited`);
      }
      prev = e.hash;
      expected = e.seq + 1;
      const row = rowById.get(e.record_id) as ArchiveDbRow | undefined;
      if (!row) {
        fail(e.record_id, 'row-missing', `event ${e.seq} (${e.kind}) names a record that is no longer in the archive: its row was deleted`);
        continue;
      }
      if (e.kind === 'signed' || e.kind === 'stamped') {
        opened.add(e.record_id);
        let hash: string;
        try {
          hash = archiveRowHash(rowContent(row));
        } catch {
          hash = 'unreadable';
        }
        if (hash !== details.rowHash) fail(e.record_id, 'row-altered', `the archive row no longer matches the hash in its ${e.kind} event (event ${e.seq}): a field was edited`);
      } else if (e.kind === 'redacted') {
        redacted.add(e.record_id);
      } else if (e.kind === 'imported') {
        if (details.personalData === 'omitted') notImported.add(e.record_id);
        else notImported.delete(e.record_id);
      } else if (e.kind === 'scan-attached' && typeof details.sha256 === 'string') {
        scans.set(e.record_id, [...(scans.get(e.record_id) ?? []), details.sha256]);
      }
    }
    yield { phase: 'chain', done: events, total: totalEvents, overallDone: events, overallTotal: totalEvents + totalRecords };
  }

  let checked = 0;
  let lastRowid = 0;
  const rowBatch = db.prepare('SELECT rowid, * FROM archive WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const personal = db.prepare('SELECT json FROM personal_data WHERE hash = ?').pluck();
  for (;;) {
    const batch = rowBatch.all(lastRowid, batchSize) as Array<ArchiveDbRow & { rowid: number }>;
    if (batch.length === 0) break;
    for (const row of batch) {
      lastRowid = row.rowid;
      checked++;
      if (!opened.has(row.id)) fail(row.id, 'not-in-chain', `no signed event opens ${row.id}: the row was added outside Pledge Desk or its event was removed`);
      const json = row.personal_hash === null ? undefined : (personal.get(row.personal_hash) as string | undefined);
      const recordScans = scans.get(row.id) ?? [];
      if (redacted.has(row.id)) {
        if (deps.readPdf(row.file_sha256) !== null) fail(row.id, 'erased-data-remains', `${row.id} was redacted but its PDF ${row.file_sha256} is still stored`);
        if (json !== undefined) fail(row.id, 'erased-data-remains', `${row.id} was redacted but its personal data is still stored`);
        if (recordScans.some((sha) => deps.readScan(sha) !== null)) fail(row.id, 'erased-data-remains', `${row.id} was redacted but a scan is still stored`);
        continue;
      }
      const pdf = deps.readPdf(row.file_sha256);
      if (pdf === null) fail(row.id, 'pdf-missing', `the PDF ${row.file_sha256} of ${row.id} is missing`);
      else if (sha256Hex(pdf) !== row.file_sha256) fail(row.id, 'pdf-altered', `the PDF of ${row.id} no longer hashes to ${row.file_sha256}: the file was altered`);
      if (row.personal_hash !== null) {
        // A record imported without its personal data (the user's choice when the bundle was made) holds none here.
        if (json === undefined) {
          if (!notImported.has(row.id)) fail(row.id, 'personal-data-missing', `the personal data of ${row.id} is missing although no redaction was recorded`);
        } else if (sha256Hex(json) !== row.personal_hash) fail(row.id, 'personal-data-altered', `the personal data of ${row.id} no longer matches its hash`);
      }
      for (const sha of recordScans) {
        const scan = deps.readScan(sha);
        if (scan === null) fail(row.id, 'scan-missing', `the scan ${sha} of ${row.id} is missing`);
        else if (sha256Hex(scan) !== sha) fail(row.id, 'scan-altered', `the scan ${sha} of ${row.id} was altered`);
      }
    }
    yield { phase: 'records', done: checked, total: totalRecords, overallDone: events + checked, overallTotal: totalEvents + totalRecords };
  }
  return { checked, events, headHash: prev, failures };
}

/** Runs `verifyArchiveSteps` to the end in one go. */
export function verifyArchive(db: Database.Database, deps: VerifyArchiveDeps, batchSize = 200): VerifyAllResult {
  const steps = verifyArchiveSteps(db, deps, batchSize);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
