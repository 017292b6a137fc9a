import type { Signer } from '../../shared/dto';
import type { FieldValues } from '../../shared/template';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';

/** Bump when the hashed inputs change, so that old and new hashes can never be confused. */
export const CONTENT_HASH_SCHEMA = 1;

export interface PledgeContent {
  templateVersion: string;
  values: FieldValues;
  signer: Signer;
  /** YYYY-MM-DD as written on the pledge. */
  date: string;
  /** Hex SHA-256 of each image by field id (signature fields, and `seal`). */
  imageSha256s: Record<string, string>;
}

/**
 * SHA-256 of the RFC 8785 canonical JSON of what the signer agreed to. Unlike the file's SHA-256 it can be
 * printed inside the PDF itself, and it is the same whichever program re-renders the pledge.
 */
export function contentHash(content: PledgeContent): string {
  return sha256Hex(canonicalJson({ schema: CONTENT_HASH_SCHEMA, ...content }));
}
