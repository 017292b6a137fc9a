import type { ArchiveEventKind } from '../../shared/dto';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';
import type { ArchiveRowContent } from './archive-row';

/**
 * Version of the chain formulas below. Frozen: records already chained must verify forever, so a change
 * needs a new number (and verifiers that know both), never an edit of these functions.
 */
export const CHAIN_SCHEMA = 1;

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: everything it says, its position and the previous event's hash. */
export interface ChainEventContent {
  seq: number;
  recordId: string;
  kind: ArchiveEventKind;
  /** ISO 8601 instant. */
  at: string;
  details: Record<string, unknown>;
}

/**
 * SHA-256 (hex) of the RFC 8785 JSON of `{chain, prev, seq, recordId, kind, at, details}`. Because `prev`
 * is inside, editing, removing or reordering any earlier event changes every later hash.
 */
export function eventHash(prevHash: string, event: ChainEventContent): string {
  return sha256Hex(
    canonicalJson({ chain: CHAIN_SCHEMA, prev: prevHash, seq: event.seq, recordId: event.recordId, kind: event.kind, at: event.at, details: event.details }),
  );
}

/**
 * SHA-256 (hex) of an archive row's canonical content (JSON columns parsed, so that only a change of meaning
 * changes it). The `signed` event that opens the record carries it, which puts the row in the chain.
 */
export function archiveRowHash(row: ArchiveRowContent): string {
  return sha256Hex(canonicalJson({ chain: CHAIN_SCHEMA, table: 'archive', ...row }));
}
