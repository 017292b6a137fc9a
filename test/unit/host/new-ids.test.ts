import { describe, expect, it } from 'vitest';
import { base32, newArchiveId, newDraftId } from '../../../electron/host/new-ids';

const bytes = (...values: number[]) => () => Uint8Array.from(values);

describe('newArchiveId', () => {
  it('is PD-<UTC day>-<8 Crockford base32 characters>', () => {
    const id = newArchiveId(new Date('2026-11-28T23:59:59.999Z'), bytes(0, 1, 2, 3, 4, 5, 6, 7));
    expect(id).toBe('PD-20261128-01234567');
    expect(id).toMatch(/^PD-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('uses the UTC day, not the local one', () => {
    expect(newArchiveId(new Date('2026-11-28T16:30:00.000-08:00'), bytes(0, 0, 0, 0, 0, 0, 0, 0))).toBe('PD-20261129-00000000');
  });

  it('never uses I, L, O or U, whatever the bytes', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    const text = base32(Uint8Array.from(all), 256);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{256}$/);
    expect(new Set(text).size).toBe(32);
  });
});

describe('newDraftId', () => {
  it('is d_ and 16 hex digits of the random bytes', () => {
    expect(newDraftId(bytes(0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 0xff))).toBe('d_deadbeef000102ff');
  });
});
