import type { BundleEvent, BundleManifest } from '../../shared/bundle-manifest';
import type { ArchiveRowContent } from '../archive/archive-row';
import { GENESIS_HASH, archiveRowHash, eventHash } from '../archive/chain-hash';
import { CoreError } from '../errors';

const invalid = (message: string, recordId: string | null, seq?: number): CoreError =>
  new CoreError('BUNDLE_INVALID', message, undefined, { ...(recordId === null ? {} : { recordId }), ...(seq === undefined ? {} : { seq }) });

/**
 * Checks a bundle's events as a segment of the exporting archive's hash chain. A bundle of some records holds
 * only their events, so the chain has gaps where other records' events were; what can be checked is:
 * - every event recomputes to its hash from its content and `prevHash` (nothing in an event was edited);
 * - each record's events are its own, in increasing `seq`, opened by a `signed` (or `stamped`) event whose
 *   `rowHash`, `fileSha256` and `contentHash` are those of the bundled row (the row was not edited);
 * - no two events share a position or a predecessor (no fork), and wherever two events are neighbours in the
 *   chain (`seq` n and n+1 both bundled) the later one's `prevHash` is the earlier one's hash, the first event
 *   of the chain following the genesis hash;
 * - the event at the exporting archive's head position, when bundled, has the head hash the manifest states;
 * - a bundle that says it is `complete` (the whole archive) holds every position from 1 to the head, so it
 *   verifies as one unbroken chain from genesis to head.
 * Throws BUNDLE_INVALID naming the record and event.
 */
export function checkBundleChain(manifest: Pick<BundleManifest, 'records' | 'source' | 'complete'>): void {
  const bySeq = new Map<number, BundleEvent>();
  const prevs = new Set<string>();
  for (const { row, events } of manifest.records) {
    let last = 0;
    for (const event of events) {
      if (event.recordId !== row.id) throw invalid(`event ${event.seq} filed under record ${row.id} belongs to ${event.recordId}`, row.id, event.seq);
      if (event.seq <= last) throw invalid(`the events of record ${row.id} are out of order at event ${event.seq}`, row.id, event.seq);
      last = event.seq;
      if (bySeq.has(event.seq)) throw invalid(`two events claim position ${event.seq} in the chain`, row.id, event.seq);
      if (prevs.has(event.prevHash)) throw invalid(`two events follow the same event (at ${event.seq}): the chain forks`, row.id, event.seq);
      bySeq.set(event.seq, event);
      prevs.add(event.prevHash);
      const hash = eventHash(event.prevHash, { seq: event.seq, recordId: event.recordId, kind: event.kind, at: event.at, details: event.details });
      if (hash !== event.hash) throw invalid(`event ${event.seq} (${event.kind}) of record ${row.id} does not match its hash: it was edited`, row.id, event.seq);
    }
    const first = events[0] as BundleEvent;
    const opener = row.kind === 'stamped' ? 'stamped' : 'signed';
    if (first.kind !== opener) throw invalid(`record ${row.id} does not open with a ${opener} event`, row.id, first.seq);
    if (events.slice(1).some((e) => e.kind === 'signed' || e.kind === 'stamped')) throw invalid(`record ${row.id} is opened twice`, row.id);
    // The row's content, exactly as written in the manifest, must be what its opening event chained.
    if (archiveRowHash(row as ArchiveRowContent) !== first.details.rowHash) {
      throw invalid(`the row of record ${row.id} does not match the hash in its ${opener} event: a field was edited`, row.id, first.seq);
    }
    if (first.details.fileSha256 !== row.fileSha256 || first.details.contentHash !== row.contentHash) {
      throw invalid(`the ${opener} event of record ${row.id} names another PDF or content hash than its row`, row.id, first.seq);
    }
  }
  for (const [seq, event] of bySeq) {
    if (seq === 1 && event.prevHash !== GENESIS_HASH) throw invalid('the first event of the chain does not start from the genesis hash', event.recordId, seq);
    const before = bySeq.get(seq - 1);
    if (before && event.prevHash !== before.hash) throw invalid(`event ${seq} does not follow event ${seq - 1}: an event was edited, removed or reordered`, event.recordId, seq);
    if (seq > manifest.source.events) throw invalid(`event ${seq} lies beyond the chain head the bundle states (${manifest.source.events})`, event.recordId, seq);
  }
  if (manifest.complete) {
    // Every event of the exporting archive belongs to one of its records, so the whole chain is here.
    for (let seq = 1; seq <= manifest.source.events; seq++) {
      if (!bySeq.has(seq)) throw invalid(`the bundle holds the whole archive, but event ${seq} of its chain is missing`, null, seq);
    }
  }
  const head = bySeq.get(manifest.source.events);
  if (head && head.hash !== manifest.source.headHash) throw invalid(`the chain head the bundle states is not its last event's hash`, head.recordId, head.seq);
}
