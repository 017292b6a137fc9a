const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper-case Crockford base32 of random bytes: no I, L, O or U, so a printed code reads back unambiguously. */
export function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[(bytes[i] ?? 0) % 32];
  return out;
}

/** An archive record id such as `PD-20261128-7KQ3M9XA`: the signing day (UTC) and 40 random bits. */
export function newArchiveId(now: Date, randomBytes: (n: number) => Uint8Array): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `PD-${day}-${base32(randomBytes(8), 8)}`;
}

/** A draft id such as `d_3f9c0a…` (16 hex digits). */
export function newDraftId(randomBytes: (n: number) => Uint8Array): string {
  return `d_${Buffer.from(randomBytes(8)).toString('hex')}`;
}
