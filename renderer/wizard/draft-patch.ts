import type { Signer } from '../../electron/shared/dto';
import type { FieldValue } from '../../electron/shared/template';

/** One pending `drafts.update`: what changed since the last confirmed save. */
export interface DraftPatch {
  values?: Record<string, FieldValue>;
  signer?: Signer;
  step?: string;
  /** Clause key → confirmed (true) or withdrawn (false). */
  acks?: Record<string, boolean>;
}

/** True when the patch changes nothing. */
export const isEmptyPatch = (p: DraftPatch): boolean =>
  p.signer === undefined && p.step === undefined && Object.keys(p.values ?? {}).length === 0 && Object.keys(p.acks ?? {}).length === 0;

/**
 * `newer` wins field by field (and clause by clause), so a failed send merged back never overwrites what was
 * typed since. The host applies values before acks, so a value change and a later confirmation of the same
 * clause, sent together, leave the clause confirmed, as the screen shows it.
 */
export function mergePatches(older: DraftPatch, newer: DraftPatch): DraftPatch {
  const values = { ...older.values, ...newer.values };
  const acks = { ...older.acks, ...newer.acks };
  return {
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(Object.keys(acks).length > 0 ? { acks } : {}),
    ...((newer.signer ?? older.signer) ? { signer: newer.signer ?? older.signer } : {}),
    ...((newer.step ?? older.step) !== undefined ? { step: newer.step ?? older.step } : {}),
  };
}
