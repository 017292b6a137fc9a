import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { makeSignaturePng } from '../../../support/make-png';

const AT = '2026-11-28T02:30:00.000Z';
const LATER = '2027-03-01T00:00:00.000Z';

/** A version-4 database holding two profiles and a draft, as a user of the previous release has it. */
function versionFourDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 4), AT);
  const profile = db.prepare(
    "INSERT INTO profiles (id, type, name, organisation, created_at, updated_at) VALUES (?, '企业', ?, ?, ?, ?)",
  );
  profile.run('p_a', '张三', '杭州某某贸易有限公司', AT, AT);
  profile.run('p_b', '李四', null, AT, AT);
  db.prepare("INSERT INTO templates VALUES ('t', 'v', '承诺书', 'builtin', '{}', ?)").run(AT);
  db.prepare("INSERT INTO drafts (id, template_id, template_version, step, created_at, updated_at) VALUES ('d', 't', 'v', 'intro', ?, ?)").run(AT, AT);
  return db;
}

const insertAsset = (db: Database.Database, id: string, profileId: string, sha: string, kind = 'signature'): void => {
  db.prepare('INSERT INTO profile_assets VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, profileId, kind, '', Buffer.from(makeSignaturePng()), sha, LATER);
};

describe('migration 5 (profile_assets)', () => {
  it('upgrades a version-4 database in place: profiles and drafts unchanged, an empty STRICT profile_assets table', () => {
    const db = versionFourDatabase();
    const profilesBefore = db.prepare('SELECT * FROM profiles ORDER BY id').all();
    const draftsBefore = db.prepare('SELECT * FROM drafts').all();
    migrate(db, MIGRATIONS, LATER);
    expect(db.prepare('SELECT * FROM profiles ORDER BY id').all()).toEqual(profilesBefore);
    expect(db.prepare('SELECT * FROM drafts').all()).toEqual(draftsBefore);
    expect(db.prepare('SELECT COUNT(*) FROM profile_assets').pluck().get()).toBe(0);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'profile_assets'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT name FROM pragma_table_info('profile_assets') ORDER BY cid").pluck().all()).toEqual([
      'id', 'profile_id', 'kind', 'label', 'png', 'sha256', 'created_at',
    ]);
    expect(db.prepare('SELECT id, applied_at FROM schema_migrations WHERE id >= 4 ORDER BY id').all()).toEqual([
      { id: 4, applied_at: AT },
      { id: 5, applied_at: LATER },
      { id: 6, applied_at: LATER },
    ]);
    db.close();
  });

  it('ties each asset to an existing profile, refuses unknown kinds and the same image twice per profile', () => {
    const db = versionFourDatabase();
    migrate(db, MIGRATIONS, LATER);
    insertAsset(db, 'a1', 'p_a', 'x'.repeat(64));
    insertAsset(db, 'a2', 'p_b', 'x'.repeat(64));
    expect(() => insertAsset(db, 'a3', 'p_nobody', 'y'.repeat(64))).toThrow(/FOREIGN KEY/);
    expect(() => insertAsset(db, 'a4', 'p_a', 'x'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insertAsset(db, 'a5', 'p_a', 'z'.repeat(64), 'stamp')).toThrow(/CHECK/);
    db.close();
  });

  it('deleting a profile deletes its assets and no other profile’s', () => {
    const db = versionFourDatabase();
    migrate(db, MIGRATIONS, LATER);
    insertAsset(db, 'a1', 'p_a', '1'.repeat(64));
    insertAsset(db, 'a2', 'p_a', '2'.repeat(64), 'seal');
    insertAsset(db, 'b1', 'p_b', '1'.repeat(64));
    db.prepare("DELETE FROM profiles WHERE id = 'p_a'").run();
    expect(db.prepare('SELECT id FROM profile_assets ORDER BY id').pluck().all()).toEqual(['b1']);
    db.close();
  });
});
