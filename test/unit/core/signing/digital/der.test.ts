import { describe, expect, it } from 'vitest';
import {
  derChildren,
  derOid,
  derSequence,
  derSetOf,
  derTime,
  derTlv,
  derUnsigned,
  readDer,
  readDerOid,
  readDerTime,
} from '../../../../../electron/core/signing/digital/der';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('DER writer and reader', () => {
  it('encodes OIDs as X.690 does and reads them back', () => {
    expect(hex(derOid('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    expect(hex(derOid('2.16.840.1.101.3.4.2.1'))).toBe('0609608648016503040201');
    for (const oid of ['1.2.840.113549.1.9.16.2.47', '2.5.29.15', '1.2.840.10045.4.3.2']) {
      const der = derOid(oid);
      expect(readDerOid(der, readDer(der))).toBe(oid);
    }
  });

  it('writes short and long lengths (1, 2 and 3 length octets)', () => {
    expect(hex(derTlv(0x04, new Uint8Array(3)))).toBe('0403000000');
    expect(hex(derTlv(0x04, new Uint8Array(200)).subarray(0, 3))).toBe('0481c8');
    expect(hex(derTlv(0x04, new Uint8Array(70000)).subarray(0, 5))).toBe('0483011170');
    const long = derTlv(0x04, new Uint8Array(70000));
    expect(readDer(long)).toEqual({ tag: 4, start: 0, contentStart: 5, end: 70005 });
  });

  it('encodes non-negative integers minimally, with a leading zero when the top bit is set', () => {
    expect(hex(derUnsigned(0))).toBe('020100');
    expect(hex(derUnsigned(127))).toBe('02017f');
    expect(hex(derUnsigned(128))).toBe('02020080');
    expect(hex(derUnsigned(2048))).toBe('02020800');
    expect(() => derUnsigned(-1)).toThrow();
  });

  it('sorts SET OF members by their encodings, compared as octet strings (X.690 §11.6; a CMS signature covers this order)', () => {
    const b = derTlv(0x04, Uint8Array.of(2));
    const a = derTlv(0x04, Uint8Array.of(1));
    const longer = derTlv(0x04, Uint8Array.of(1, 0));
    const set = derSetOf(longer, b, a);
    const children = derChildren(set, readDer(set)).map((c) => hex(set.subarray(c.start, c.end)));
    expect(children).toEqual(['040101', '040102', '04020100']);
  });

  it('writes UTCTime up to 2049 and GeneralizedTime from 2050, and reads both back to the second', () => {
    const t2026 = new Date('2026-11-28T02:30:05.999Z');
    const utc = derTime(t2026);
    expect(utc[0]).toBe(0x17);
    expect(Buffer.from(utc.subarray(2)).toString('latin1')).toBe('261128023005Z');
    expect(readDerTime(utc, readDer(utc)).toISOString()).toBe('2026-11-28T02:30:05.000Z');
    const gen = derTime(new Date('2050-01-01T00:00:00Z'));
    expect(gen[0]).toBe(0x18);
    expect(readDerTime(gen, readDer(gen)).toISOString()).toBe('2050-01-01T00:00:00.000Z');
    const y1999 = derTlv(0x17, Buffer.from('991231235959Z', 'latin1'));
    expect(readDerTime(y1999, readDer(y1999)).toISOString()).toBe('1999-12-31T23:59:59.000Z');
  });

  it('refuses truncated input, indefinite lengths and multi-octet tags', () => {
    const seq = derSequence(derUnsigned(1));
    expect(() => readDer(seq.subarray(0, seq.length - 1))).toThrow(/past the end/);
    expect(() => readDer(Uint8Array.of(0x30, 0x80, 0, 0))).toThrow(/length form/);
    expect(() => readDer(Uint8Array.of(0x1f, 0x01, 0))).toThrow(/tag/);
    expect(() => readDer(new Uint8Array(0))).toThrow();
  });
});
