import { afterAll, describe, expect, it } from 'vitest';
import type { Profile, Signer } from '../../electron/shared/dto';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import type { TestHost } from '../support/test-host';
import { SIGNER, createTestHost, err, ok } from '../support/test-host';

const open: TestHost[] = [];
afterAll(() => {
  for (const t of open.splice(0)) t.host.close();
  removeTempDirs();
});

function fresh(seed = 1): TestHost {
  const t = createTestHost(makeTempDir('pledge-profiles-'), { seed });
  open.push(t);
  return t;
}

const FULL: Signer = {
  type: '企业',
  name: '李四',
  organisation: '宁波某某电子商务有限公司',
  idNumber: '11010519491231002X',
  creditCode: '91350100M000100Y43',
  phone: '13800138000',
  address: '浙江省宁波市鄞州区某某路 1 号',
};

const list = async (t: TestHost): Promise<Profile[]> => ok<Profile[]>(await t.host.dispatch('profiles.list', {}));
const save = async (t: TestHost, input: object): Promise<string> => ok<{ id: string }>(await t.host.dispatch('profiles.save', input)).id;

describe('signer profiles', () => {
  it('a fresh data folder has none', async () => {
    expect(await list(fresh(51))).toEqual([]);
  });

  it('save without an id creates one (p_ + 12 hex) and lists it with every detail and the clock time', async () => {
    const t = fresh(52);
    const id = await save(t, { signer: FULL });
    expect(id).toMatch(/^p_[0-9a-f]{12}$/);
    expect(await list(t)).toEqual([{ id, ...FULL, updatedAt: t.clock().toISOString() }]);
  });

  it('absent details are absent from the profile (not null, not empty strings)', async () => {
    const t = fresh(53);
    const id = await save(t, { signer: { type: '个人', name: '王五' } });
    expect(await list(t)).toEqual([{ id, type: '个人', name: '王五', updatedAt: t.clock().toISOString() }]);
  });

  it('save with an id replaces that profile (a detail left out is cleared) and makes it the most recent', async () => {
    const t = fresh(54);
    const a = await save(t, { signer: FULL });
    t.clock.tick(1_000);
    const b = await save(t, { signer: SIGNER });
    expect((await list(t)).map((p) => p.id)).toEqual([b, a]);

    t.clock.tick(1_000);
    const withoutPhone = Object.fromEntries(Object.entries(FULL).filter(([key]) => key !== 'phone' && key !== 'address')) as Signer;
    expect(await save(t, { id: a, signer: { ...withoutPhone, name: '李四（法定代表人）' } })).toBe(a);
    const profiles = await list(t);
    expect(profiles.map((p) => p.id)).toEqual([a, b]);
    expect(profiles[0]).toEqual({ id: a, ...withoutPhone, name: '李四（法定代表人）', updatedAt: t.clock().toISOString() });
    expect(profiles).toHaveLength(2);
  });

  it('save with an id that does not exist yet creates it under that id', async () => {
    const t = fresh(55);
    expect(await save(t, { id: 'merchant-42', signer: SIGNER })).toBe('merchant-42');
    expect((await list(t)).map((p) => p.id)).toEqual(['merchant-42']);
  });

  it('delete removes it; deleting again or an unknown id → PROFILE_NOT_FOUND', async () => {
    const t = fresh(56);
    const a = await save(t, { signer: FULL });
    const b = await save(t, { signer: SIGNER });
    expect(ok(await t.host.dispatch('profiles.delete', { id: a }))).toEqual({ deleted: true });
    expect((await list(t)).map((p) => p.id)).toEqual([b]);
    expect(err(await t.host.dispatch('profiles.delete', { id: a })).code).toBe('PROFILE_NOT_FOUND');
    expect(err(await t.host.dispatch('profiles.delete', { id: 'p_000000000000' })).code).toBe('PROFILE_NOT_FOUND');
  });

  it('profiles are kept on disk: a second host on the same folder lists them', async () => {
    const t = fresh(57);
    const id = await save(t, { signer: FULL });
    const second = createTestHost(t.host.dataDir, { seed: 99 });
    try {
      expect(ok<Profile[]>(await second.host.dispatch('profiles.list', {}))).toEqual(await list(t));
      expect((await list(t))[0]?.id).toBe(id);
    } finally {
      second.host.close();
    }
  });

  it.each([
    ['no signer', {}],
    ['a signer type outside 企业/个人/其他', { signer: { type: 'company', name: 'x' } }],
    ['a name too long', { signer: { type: '个人', name: 'x'.repeat(201) } }],
    ['an empty id', { id: '', signer: SIGNER }],
    ['an extra key', { signer: SIGNER, default: true }],
  ])('refuses %s with VALIDATION and stores nothing', async (_name, input) => {
    const t = fresh(58);
    expect(err(await t.host.dispatch('profiles.save', input)).code).toBe('VALIDATION');
    expect(await list(t)).toEqual([]);
  });
});
