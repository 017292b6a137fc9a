/**
 * A seeded pseudo-random generator (32-bit LCG, Numerical Recipes constants) so that "random" tests are
 * reproducible: the same seed gives the same sequence on every machine.
 */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** An integer in [min, max] from `next`. */
export function randomInt(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** An element of `items` chosen by `next`. */
export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A deterministic `randomBytes` port for `createHost`: every call continues the same seeded stream. */
export function seededRandomBytes(seed: number): (n: number) => Uint8Array {
  const next = lcg(seed);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}
