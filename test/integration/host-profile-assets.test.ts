import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../electron/shared/api';
import type { ArchiveRecord, ProfileAsset } from '../../electron/shared/dto';
import { makeOpaquePng, makeSignaturePng, pngDataUrl } from '../support/make-png';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import type { TestHost } from '../support/test-host';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, createTestHost, err, ok } from '../support/test-host';

const open: TestHost[] = [];
afterAll(() => {
  for (const t of open.splice(0)) t.host.close();
  removeTempDirs();
});

async function withProfile(seed: number): Promise<{ t: TestHost; profileId: string }> {
  const t = createTestHost(makeTempDir('pledge-assets-'), { seed });
  open.push(t);
  const profileId = ok<{ id: string }>(await t.host.dispatch('profiles.save', { signer: SIGNER })).id;
  return { t, profileId };
}

const list = async (t: TestHost, input: object): Promise<ProfileAsset[]> => ok<ProfileAsset[]>(await t.host.dispatch('profiles.listAssets', input));

describe('profiles.saveAsset / listAssets / deleteAsset', () => {
  it('saves a signature and a seal for a profile and lists them back, newest first, byte for byte', async () => {
    const { t, profileId } = await withProfile(71);
    const sig = pngDataUrl(makeSignaturePng(300, 90));
    const seal = pngDataUrl(makeSignaturePng(160, 160));
    const a = ok<{ id: string; existing: boolean }>(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', label: ' 日常签名 ', png: sig }));
    expect(a).toEqual({ id: expect.stringMatching(/^pa_[0-9a-f]{16}$/), existing: false });
    t.clock.tick(1000);
    const b = ok<{ id: string }>(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'seal', png: seal }));

    const all = await list(t, { profileId });
    expect(all.map((x) => [x.id, x.kind, x.label, x.png, x.widthPx, x.heightPx])).toEqual([
      [b.id, 'seal', '', seal, 160, 160],
      [a.id, 'signature', '日常签名', sig, 300, 90],
    ]);
    expect((await list(t, { profileId, kind: 'seal' })).map((x) => x.id)).toEqual([b.id]);

    expect(ok(await t.host.dispatch('profiles.deleteAsset', { id: a.id }))).toEqual({ deleted: true });
    expect(err(await t.host.dispatch('profiles.deleteAsset', { id: a.id })).code).toBe('PROFILE_ASSET_NOT_FOUND');
    expect((await list(t, { profileId })).map((x) => x.id)).toEqual([b.id]);
  });

  it('refuses a JPEG, a non-image, an oversized PNG (VALIDATION) and an opaque PNG (INVALID_IMAGE); stores none', async () => {
    const { t, profileId } = await withProfile(72);
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64')}`;
    const jpegErr = err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png: jpeg }));
    expect(jpegErr.code).toBe('VALIDATION');
    expect(jpegErr.message).toMatch(/PNG/);
    expect(err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png: 'hello' })).code).toBe('VALIDATION');
    const huge = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 100)}`;
    const hugeErr = err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png: huge }));
    expect(hugeErr.code).toBe('VALIDATION');
    expect(hugeErr.message).toMatch(/2 MB/);
    const textAsPng = `data:image/png;base64,${Buffer.from('not a png at all, just text').toString('base64')}`;
    expect(err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png: textAsPng })).code).toBe('INVALID_IMAGE');
    const opaque = err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'seal', png: pngDataUrl(makeOpaquePng(80, 80)) }));
    expect(opaque.code).toBe('INVALID_IMAGE');
    expect(opaque.message).toMatch(/transparency/);
    expect(err(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'stamp', png: pngDataUrl(makeSignaturePng()) })).code).toBe('VALIDATION');
    expect(await list(t, { profileId })).toEqual([]);
  });

  it('answers PROFILE_NOT_FOUND for an unknown profile, and a deleted profile takes its assets with it', async () => {
    const { t, profileId } = await withProfile(73);
    const png = pngDataUrl(makeSignaturePng());
    expect(err(await t.host.dispatch('profiles.saveAsset', { profileId: 'p_nobody', kind: 'signature', png })).code).toBe('PROFILE_NOT_FOUND');
    const { id } = ok<{ id: string }>(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png }));
    ok(await t.host.dispatch('profiles.delete', { id: profileId }));
    expect(err(await t.host.dispatch('profiles.listAssets', { profileId })).code).toBe('PROFILE_NOT_FOUND');
    expect(err(await t.host.dispatch('profiles.deleteAsset', { id })).code).toBe('PROFILE_ASSET_NOT_FOUND');
  });

  it('a saved signature is accepted as-is by signing.finalize', async () => {
    const { t, profileId } = await withProfile(74);
    ok(await t.host.dispatch('profiles.saveAsset', { profileId, kind: 'signature', png: pngDataUrl(makeSignaturePng(320, 100)) }));
    const [saved] = await list(t, { profileId, kind: 'signature' });
    const { id: draftId } = ok<{ id: string }>(await t.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    ok(await t.host.dispatch('drafts.update', { id: draftId, values: VALID_VALUES, signer: SIGNER }));
    const template = ok<{ fields: Array<{ id: string; kind: string }> }>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const signatures = Object.fromEntries(template.fields.filter((f) => f.kind === 'signature').map((f) => [f.id, { png: saved?.png ?? '' }]));
    expect(Object.keys(signatures).length).toBeGreaterThan(0);
    const done = ok<{ id: string; fileSha256: string }>(await t.host.dispatch('signing.finalize', { draftId, signatures, date: '2026-11-28' }));
    const record = ok<ArchiveRecord>(await t.host.dispatch('archive.get', { id: done.id }));
    expect(record.signer).toBe(SIGNER.name);
    expect(record.fileSha256).toBe(done.fileSha256);
  });
});
