/** "2026-11-28" → "2026年11月28日": Arabic numerals without leading zeros, as GB/T 9704 writes dates. */
export function formatDateZh(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
