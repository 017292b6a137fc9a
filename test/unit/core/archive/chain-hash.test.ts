import { describe, expect, it } from 'vitest';
import { archiveRowHash, eventHash, GENESIS_HASH } from '../../../../electron/core/archive/chain-hash';
import type { ArchiveRowContent } from '../../../../electron/core/archive/archive-row';
import { jcs, sha256 } from '../../../support/jcs';

const event = { seq: 1, recordId: 'PD-20261128-AAAAAAAA', kind: 'signed' as const, at: '2026-11-28T02:30:00.000Z', details: { rowHash: 'a'.repeat(64) } };

const row: ArchiveRowContent = {
  id: 'PD-20261128-AAAAAAAA',
  kind: 'composed',
  templateId: 't',
  templateVersion: 'v',
  title: '承诺书',
  signerName: '张三',
  organisation: null,
  signer: { type: '个人', name: '张三' },
  values: { a: '5', b: { option: '其他', other: '个体' } },
  personalHash: null,
  date: '2026-11-28',
  signedAt: '2026-11-28T02:30:00.000Z',
  fileSha256: 'f'.repeat(64),
  fileBytes: 10,
  contentHash: 'c'.repeat(64),
  draftId: null,
};

describe('eventHash', () => {
  it('is SHA-256 of the RFC 8785 JSON of {chain, prev, seq, recordId, kind, at, details} (recomputed here)', () => {
    expect(eventHash(GENESIS_HASH, event)).toBe(sha256(jcs({ chain: 1, prev: GENESIS_HASH, ...event })));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('changes with the previous hash, the position and any detail', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(eventHash('1'.repeat(64), event)).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, seq: 2 })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, details: { rowHash: 'b'.repeat(64) } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, at: '2026-11-28T02:30:00.001Z' })).not.toBe(base);
  });

  it('does not depend on the order of keys in details', () => {
    expect(eventHash(GENESIS_HASH, { ...event, details: { a: 1, b: 2 } })).toBe(eventHash(GENESIS_HASH, { ...event, details: { b: 2, a: 1 } }));
  });
});

describe('archiveRowHash', () => {
  it('covers every field of the row', () => {
    const base = archiveRowHash(row);
    for (const [key, value] of Object.entries({ title: '承诺', signerName: '李四', fileSha256: 'e'.repeat(64), fileBytes: 11, values: { a: '6' }, personalHash: 'p'.repeat(64) })) {
      expect(archiveRowHash({ ...row, [key]: value }), key).not.toBe(base);
    }
  });

  it('is the hash of the canonical JSON of the row with the chain schema and table name', () => {
    expect(archiveRowHash(row)).toBe(sha256(jcs({ chain: 1, table: 'archive', ...row })));
  });
});
