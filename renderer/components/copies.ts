/** The host's limit on copies per print. */
export const MAX_COPIES = 99;

/** A whole number of copies from what was typed: 1 to 99, 1 for anything unreadable. */
export function clampCopies(value: string | number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? Math.min(MAX_COPIES, n) : 1;
}
