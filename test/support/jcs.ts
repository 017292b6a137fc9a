import { createHash } from 'node:crypto';

/**
 * An independent, deliberately small RFC 8785 serialiser for the values the tests hash (strings, finite
 * numbers, booleans, null, arrays, plain objects): keys sorted by UTF-16 code units, no whitespace, ES
 * number and string forms. Written from the RFC, not from the app's code, so the two can check each other.
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not representable');
    return String(value === 0 ? 0 : value);
  }
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    keys.sort((a, b) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const d = a.charCodeAt(i) - b.charCodeAt(i);
        if (d !== 0) return d;
      }
      return a.length - b.length;
    });
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new Error(`not representable: ${typeof value}`);
}

/** Lower-case hex SHA-256 of bytes or of a string's UTF-8. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
