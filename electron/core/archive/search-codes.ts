import type { ArchiveStatus, Signer } from '../../shared/dto';

/** How `search_doc` stores a signer type (a narrow integer column keeps full scans cheap). Frozen. */
export const SIGNER_TYPE_CODE: Record<Signer['type'], number> = { 企业: 0, 个人: 1, 其他: 2 };

/** How `search_doc` stores a status. Frozen. */
export const STATUS_CODE: Record<ArchiveStatus, number> = { valid: 0, superseded: 1, void: 2, redacted: 3 };

/** "2026-11-28" → 20261128. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 10).replaceAll('-', ''));
}
