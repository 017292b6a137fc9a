/**
 * Masks a personal value for display: a number keeps its first 3 and last 4 digits (`138****5678`,
 * `110***********1234`), a short one only its last 2; an address keeps its first few characters (province,
 * city) and hides the rest. The result never reveals more than a third of the characters.
 */
export function maskPersonal(text: string): string {
  const chars = [...text.trim()];
  const n = chars.length;
  if (n === 0) return '';
  if (/^[\dXx\s+-]+$/.test(text.trim())) {
    if (n >= 11) return `${chars.slice(0, 3).join('')}${'*'.repeat(n - 7)}${chars.slice(n - 4).join('')}`;
    if (n >= 4) return `${'*'.repeat(n - 2)}${chars.slice(n - 2).join('')}`;
    return '*'.repeat(n);
  }
  const keep = Math.min(6, Math.floor(n / 3));
  return `${chars.slice(0, keep).join('')}****`;
}
