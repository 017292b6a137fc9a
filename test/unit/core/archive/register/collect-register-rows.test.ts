import { afterAll, describe, expect, it } from 'vitest';
import { redactRecord } from '../../../../../electron/core/archive/redact-record';
import { supersedeRecord } from '../../../../../electron/core/archive/supersede-record';
import { voidRecord } from '../../../../../electron/core/archive/void-record';
import { MAX_REGISTER_ROWS, collectRegisterRows } from '../../../../../electron/core/archive/register/collect-register-rows';
import { MAX_REGISTER_RECORDS } from '../../../../../electron/shared/api';
import { removeTempDirs } from '../../../../support/temp-dir';
import { archiveFixture } from '../archive-fixture';

afterAll(removeTempDirs);

const PERSON = { type: '个人' as const, name: '李四', idNumber: '110101199003074514', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' };

describe('collectRegisterRows', () => {
  const f = archiveFixture();
  const a = f.add({ signedAt: '2026-03-01T08:00:00.000Z' });
  const b = f.add({ signer: PERSON, signedAt: '2026-01-15T08:00:00.000Z' });
  const c = f.add({ signedAt: '2026-02-01T08:00:00.000Z', signer: { type: '企业', name: '王五', organisation: '义乌某某', creditCode: '91330100MA2XXXXX0X' } });
  f.db.transaction(() => supersedeRecord(f.db, { id: c, by: a, at: '2026-04-01T00:00:00.000Z' })).immediate();
  voidRecord(f.db, { id: a, reason: '重复签署', at: '2026-04-02T00:00:00.000Z' });

  it('numbers every record from 1, oldest signature first, with its status and verification code', () => {
    const { rows } = collectRegisterRows(f.db, 'all', { reveal: false });
    expect(rows.map((r) => [r.seq, r.id])).toEqual([
      [1, b],
      [2, c],
      [3, a],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['有效', '已被更正', '已作废']);
    expect(rows[1]).toMatchObject({ supersededBy: a, signer: '王五', signerType: '企业', organisation: '义乌某某', creditCode: '91330100MA2XXXXX0X', kind: '在线填写签署' });
    const record = f.archive.get(b);
    expect(rows[0]).toMatchObject({
      title: record.title,
      date: '2026-01-15',
      signedAt: '2026-01-15T08:00:00.000Z',
      fileSha256: record.fileSha256,
      contentHash: record.contentHash,
      code: `${b}-${record.contentHash.slice(0, 12)}`,
      template: `${record.templateId}（版本 ${record.templateVersion}）`,
    });
  });

  it('masks ID number, phone and address as lists do, and reports no reveal', () => {
    const { rows, revealed } = collectRegisterRows(f.db, { ids: [b] }, { reveal: false });
    expect(rows[0]).toMatchObject({ idNumber: '110***********4514', phone: '138****5678' });
    expect(rows[0]?.address).toMatch(/^浙江省杭州\*+$/);
    expect(revealed).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain('13812345678');
  });

  it('with reveal: the full values, and the ids whose personal data was shown', () => {
    const { rows, revealed } = collectRegisterRows(f.db, { ids: [a, b] }, { reveal: true });
    expect(rows.find((r) => r.id === b)).toMatchObject({ idNumber: PERSON.idNumber, phone: PERSON.phone, address: PERSON.address });
    expect(rows.find((r) => r.id === a)).toMatchObject({ idNumber: '', phone: '', address: '' });
    expect(revealed).toEqual([b]);
  });

  it('ids: duplicates once, chronological order whatever order they were given in', () => {
    const { rows } = collectRegisterRows(f.db, { ids: [a, b, a] }, { reveal: false });
    expect(rows.map((r) => [r.seq, r.id])).toEqual([
      [1, b],
      [2, a],
    ]);
  });

  it('a filter selects every record the search finds', () => {
    expect(collectRegisterRows(f.db, { filter: { status: 'void' } }, { reveal: false }).rows.map((r) => r.id)).toEqual([a]);
    expect(collectRegisterRows(f.db, { filter: { query: '王五' } }, { reveal: false }).rows.map((r) => r.id)).toEqual([c]);
  });

  it('an unknown id → ARCHIVE_NOT_FOUND', () => {
    expect(() => collectRegisterRows(f.db, { ids: [a, 'PD-20990101-NOPE0000'] }, { reveal: false })).toThrow(expect.objectContaining({ code: 'ARCHIVE_NOT_FOUND' }));
  });

  it('an erased record says so in its personal cells, even with reveal', () => {
    const g = archiveFixture();
    const id = g.add({ signer: PERSON });
    redactRecord(g.db, { id, reason: '本人申请', at: '2026-05-01T00:00:00.000Z' });
    const { rows, revealed } = collectRegisterRows(g.db, 'all', { reveal: true });
    expect(rows[0]).toMatchObject({ status: '已删除个人信息', idNumber: '（已删除）', phone: '（已删除）', address: '（已删除）' });
    expect(revealed).toEqual([]);
  });
});

describe('the size limit', () => {
  it('is the same in the contract (ids) and in the core (all records, a filter)', () => {
    expect(MAX_REGISTER_ROWS).toBe(MAX_REGISTER_RECORDS);
  });
});
