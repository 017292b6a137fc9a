import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { MAX_ASSETS_PER_PROFILE, ProfileAssetRepository } from '../../../../electron/core/drafts/profile-asset-repository';
import { ProfileRepository } from '../../../../electron/core/drafts/profile-repository';
import { readTransparentPng } from '../../../../electron/core/drafts/read-transparent-png';
import { CoreError } from '../../../../electron/core/errors';
import { sha256Hex } from '../../../../electron/core/util/sha256-hex';
import { makeOpaquePng, makeSignaturePng, pngDataUrl } from '../../../support/make-png';

const NOW = new Date('2026-11-28T02:30:00.000Z');
const later = (ms: number): Date => new Date(NOW.getTime() + ms);

function setup(): { db: Database.Database; profiles: ProfileRepository; assets: ProfileAssetRepository } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, NOW.toISOString());
  const profiles = new ProfileRepository(db);
  profiles.save('p_a', { type: '企业', name: '张三', organisation: '杭州某某贸易有限公司' }, NOW);
  profiles.save('p_b', { type: '个人', name: '李四' }, NOW);
  return { db, profiles, assets: new ProfileAssetRepository(db) };
}

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreError) return error.code;
    throw error;
  }
  throw new Error('expected a CoreError');
};

describe('readTransparentPng', () => {
  it('reads the size of an RGBA PNG, and of an RGB PNG made transparent by tRNS', () => {
    expect(readTransparentPng(makeSignaturePng(240, 80), 'png')).toEqual({ widthPx: 240, heightPx: 80 });
    expect(readTransparentPng(makeOpaquePng(61, 23, true), 'png')).toEqual({ widthPx: 61, heightPx: 23 });
  });

  it('refuses an opaque PNG (background not removed), a JPEG and a truncated PNG with INVALID_IMAGE', () => {
    expect(codeOf(() => readTransparentPng(makeOpaquePng(), 'png'))).toBe('INVALID_IMAGE');
    expect(codeOf(() => readTransparentPng(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]), 'png'))).toBe('INVALID_IMAGE');
    expect(codeOf(() => readTransparentPng(makeSignaturePng().subarray(0, 20), 'png'))).toBe('INVALID_IMAGE');
  });
});

describe('ProfileAssetRepository', () => {
  it('saves signatures and seals per profile and lists them newest first as PNG data URLs', () => {
    const { assets } = setup();
    const sig = makeSignaturePng(240, 80);
    const seal = makeSignaturePng(200, 200);
    expect(assets.save({ id: 'a1', profileId: 'p_a', kind: 'signature', label: '日常签名', png: sig }, NOW)).toEqual({ id: 'a1', existing: false });
    assets.save({ id: 'a2', profileId: 'p_a', kind: 'seal', label: '', png: seal }, later(1000));
    assets.save({ id: 'b1', profileId: 'p_b', kind: 'signature', label: '', png: sig }, NOW);

    expect(assets.list('p_a')).toEqual([
      {
        id: 'a2', profileId: 'p_a', kind: 'seal', label: '', png: pngDataUrl(seal), sha256: sha256Hex(seal),
        widthPx: 200, heightPx: 200, createdAt: later(1000).toISOString(),
      },
      {
        id: 'a1', profileId: 'p_a', kind: 'signature', label: '日常签名', png: pngDataUrl(sig), sha256: sha256Hex(sig),
        widthPx: 240, heightPx: 80, createdAt: NOW.toISOString(),
      },
    ]);
    expect(assets.list('p_a', 'signature').map((a) => a.id)).toEqual(['a1']);
    expect(assets.list('p_b').map((a) => a.id)).toEqual(['b1']);
  });

  it('keeps one row when the same image is saved twice for a profile, and says so', () => {
    const { assets } = setup();
    const sig = makeSignaturePng();
    assets.save({ id: 'a1', profileId: 'p_a', kind: 'signature', label: '第一次', png: sig }, NOW);
    expect(assets.save({ id: 'a9', profileId: 'p_a', kind: 'signature', label: '第二次', png: sig }, later(5))).toEqual({ id: 'a1', existing: true });
    expect(assets.list('p_a').map((a) => [a.id, a.label])).toEqual([['a1', '第一次']]);
  });

  it('refuses an unknown profile, an opaque PNG, and more than the limit per profile', () => {
    const { assets } = setup();
    expect(codeOf(() => assets.save({ id: 'x', profileId: 'p_nobody', kind: 'signature', label: '', png: makeSignaturePng() }, NOW))).toBe('PROFILE_NOT_FOUND');
    expect(codeOf(() => assets.list('p_nobody'))).toBe('PROFILE_NOT_FOUND');
    expect(codeOf(() => assets.save({ id: 'x', profileId: 'p_a', kind: 'seal', label: '', png: makeOpaquePng() }, NOW))).toBe('INVALID_IMAGE');
    for (let i = 0; i < MAX_ASSETS_PER_PROFILE; i++) {
      assets.save({ id: `a${i}`, profileId: 'p_a', kind: 'signature', label: '', png: makeSignaturePng(100 + i, 40) }, later(i));
    }
    expect(codeOf(() => assets.save({ id: 'over', profileId: 'p_a', kind: 'signature', label: '', png: makeSignaturePng(99, 40) }, NOW))).toBe('PROFILE_ASSETS_FULL');
    // The limit is per profile.
    assets.save({ id: 'b', profileId: 'p_b', kind: 'signature', label: '', png: makeSignaturePng(99, 40) }, NOW);
    expect(assets.list('p_a')).toHaveLength(MAX_ASSETS_PER_PROFILE);
  });

  it('deletes one asset (PROFILE_ASSET_NOT_FOUND the second time), and all of them with their profile', () => {
    const { assets, profiles, db } = setup();
    assets.save({ id: 'a1', profileId: 'p_a', kind: 'signature', label: '', png: makeSignaturePng(100, 40) }, NOW);
    assets.save({ id: 'a2', profileId: 'p_a', kind: 'seal', label: '', png: makeSignaturePng(120, 120) }, NOW);
    assets.save({ id: 'b1', profileId: 'p_b', kind: 'signature', label: '', png: makeSignaturePng(100, 40) }, NOW);
    assets.delete('a1');
    expect(codeOf(() => assets.delete('a1'))).toBe('PROFILE_ASSET_NOT_FOUND');
    expect(assets.list('p_a').map((a) => a.id)).toEqual(['a2']);
    // Updating a profile (an upsert) keeps its assets; deleting it removes them.
    profiles.save('p_a', { type: '企业', name: '张三（法定代表人）' }, later(1));
    expect(assets.list('p_a').map((a) => a.id)).toEqual(['a2']);
    profiles.delete('p_a');
    expect(db.prepare('SELECT id FROM profile_assets').pluck().all()).toEqual(['b1']);
  });
});
