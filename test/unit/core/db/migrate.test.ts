import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate';
import type { Migration } from '../../../../electron/core/db/migrations/index';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { CoreError } from '../../../../electron/core/errors';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';

afterAll(removeTempDirs);

const AT = '2026-11-28T02:30:00.000Z';
const NOW = new Date(AT);

/** The thrown error, for assertions on its class and code. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function schema(db: Database.Database): Array<{ type: string; name: string }> {
  return db
    .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string }>;
}

const rowCounts = (path: string): Record<string, number> => {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
};

const insertArchiveRow = (db: Database.Database, id: string): void => {
  db.prepare(
    `INSERT INTO archive (id, kind, template_id, template_version, title, signer_name, organisation, signer_json,
       values_json, sign_date, signed_at, file_sha256, file_bytes, content_hash, draft_id)
     VALUES (?, 'composed', 't', 'v', '承诺书', '张三', NULL, '{}', '{}', '2026-11-28', ?, ?, 1, ?, NULL)`,
  ).run(id, AT, 'a'.repeat(64), 'b'.repeat(64));
};

describe('MIGRATIONS', () => {
  it('have ids that start at 1 and strictly increase by one', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('all apply to an in-memory database, giving the expected schema', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    const fts = (name: string): Array<{ type: string; name: string }> =>
      ['', '_config', '_data', '_docsize', '_idx'].map((suffix) => ({ type: 'table', name: `${name}${suffix}` }));
    expect(schema(db)).toEqual([
      { type: 'index', name: 'archive_file' },
      { type: 'index', name: 'archive_signed' },
      { type: 'index', name: 'drafts_updated' },
      { type: 'index', name: 'events_record' },
      { type: 'index', name: 'profile_assets_profile' },
      { type: 'index', name: 'profiles_updated' },
      { type: 'index', name: 'search_doc_signed' },
      { type: 'index', name: 'search_doc_tkey' },
      { type: 'table', name: 'archive' },
      { type: 'table', name: 'drafts' },
      { type: 'table', name: 'events' },
      { type: 'table', name: 'personal_data' },
      { type: 'table', name: 'profile_assets' },
      { type: 'table', name: 'profiles' },
      { type: 'table', name: 'schema_migrations' },
      { type: 'table', name: 'search_doc' },
      ...fts('search_fts'),
      ...fts('search_short'),
      { type: 'table', name: 'search_template' },
      ...fts('search_template_fts'),
      { type: 'table', name: 'templates' },
      { type: 'trigger', name: 'archive_no_delete' },
      { type: 'trigger', name: 'archive_no_update' },
      { type: 'trigger', name: 'events_no_delete' },
      { type: 'trigger', name: 'events_no_update' },
      { type: 'trigger', name: 'personal_data_no_update' },
    ]);
    db.close();
  });

  it('migration 2 adds acks_json (default {}) and deleted_at to drafts, and a STRICT profiles table', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    const draftColumns = db.prepare("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('drafts') WHERE name IN ('acks_json', 'deleted_at') ORDER BY cid").all();
    expect(draftColumns).toEqual([
      { name: 'acks_json', type: 'TEXT', notnull: 1, dflt_value: "'{}'" },
      { name: 'deleted_at', type: 'TEXT', notnull: 0, dflt_value: null },
    ]);
    expect(db.prepare("SELECT name FROM pragma_table_info('profiles') ORDER BY cid").pluck().all()).toEqual([
      'id', 'type', 'name', 'organisation', 'id_number', 'credit_code', 'phone', 'address', 'created_at', 'updated_at',
    ]);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'profiles'").pluck().get()).toBe(1);
    db.close();
  });

  it('migration 2 upgrades a version-1 database in place: existing drafts get acks {} and are not deleted', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1), AT);
    db.prepare("INSERT INTO templates VALUES ('t', 'v', '承诺书', 'builtin', '{}', ?)").run(AT);
    db.prepare("INSERT INTO drafts (id, template_id, template_version, step, created_at, updated_at) VALUES ('d', 't', 'v', 'intro', ?, ?)").run(AT, AT);
    migrate(db, MIGRATIONS, '2027-01-01T00:00:00.000Z');
    expect(db.prepare("SELECT acks_json, deleted_at FROM drafts WHERE id = 'd'").get()).toEqual({ acks_json: '{}', deleted_at: null });
    expect(db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, applied_at: AT },
      { id: 2, applied_at: '2027-01-01T00:00:00.000Z' },
      { id: 3, applied_at: '2027-01-01T00:00:00.000Z' },
      { id: 4, applied_at: '2027-01-01T00:00:00.000Z' },
      { id: 5, applied_at: '2027-01-01T00:00:00.000Z' },
      { id: 6, applied_at: '2027-01-01T00:00:00.000Z' },
    ]);
    db.close();
  });
});

describe('migrate', () => {
  it('records every migration with its name and the given time on a fresh database', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    expect(db.prepare('SELECT id, name, applied_at FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, name: 'initial', applied_at: AT },
      { id: 2, name: 'acks_profiles_trash', applied_at: AT },
      { id: 3, name: 'archive_ledger', applied_at: AT },
      { id: 4, name: 'imported_events', applied_at: AT },
      { id: 5, name: 'profile_assets', applied_at: AT },
      { id: 6, name: 'revealed_events', applied_at: AT },
    ]);
    db.close();
  });

  it('is idempotent: running it again applies nothing and keeps the first time', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    const before = schema(db);
    migrate(db, MIGRATIONS, '2030-01-01T00:00:00.000Z');
    expect(db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, applied_at: AT },
      { id: 2, applied_at: AT },
      { id: 3, applied_at: AT },
      { id: 4, applied_at: AT },
      { id: 5, applied_at: AT },
      { id: 6, applied_at: AT },
    ]);
    expect(schema(db)).toEqual(before);
    db.close();
  });

  it('applies only the pending migrations of a longer list', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    const next: Migration = { id: MIGRATIONS.length + 1, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' };
    migrate(db, [...MIGRATIONS, next], '2027-01-01T00:00:00.000Z');
    expect(db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all()).toEqual([
      ...MIGRATIONS.map((m) => ({ id: m.id, applied_at: AT })),
      { id: next.id, applied_at: '2027-01-01T00:00:00.000Z' },
    ]);
    db.close();
  });

  it('rolls a failing migration back entirely and records nothing for it', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, AT);
    const broken: Migration = { id: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, [...MIGRATIONS, broken], AT)).toThrow(/no_such_table/);
    expect(schema(db).map((s) => s.name)).not.toContain('half');
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
    db.close();
  });

  it('refuses a database that has a migration id it does not know, before applying anything', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
             INSERT INTO schema_migrations VALUES (999, 'from-the-future', '${AT}');`);
    const error = thrown(() => migrate(db, MIGRATIONS, AT));
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_NEWER_VERSION');
    expect((error as CoreError).message).toContain('999');
    // Migration 1 was not applied on top of the unknown schema.
    expect(schema(db).map((s) => s.name)).toEqual(['schema_migrations']);
    db.close();
  });
});

describe('openDatabase', () => {
  it('creates the file, sets WAL, FULL sync and foreign keys, and records every migration', () => {
    const path = join(makeTempDir(), 'pledge-desk.db');
    const db = openDatabase(path, NOW);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id, applied_at: AT })));
    db.close();
  });

  it('reopens an up-to-date database without changing schema_migrations', () => {
    const path = join(makeTempDir(), 'pledge-desk.db');
    openDatabase(path, NOW).close();
    const db = openDatabase(path, new Date('2030-01-01T00:00:00Z'));
    expect(db.prepare('SELECT id, name, applied_at FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, name: 'initial', applied_at: AT },
      { id: 2, name: 'acks_profiles_trash', applied_at: AT },
      { id: 3, name: 'archive_ledger', applied_at: AT },
      { id: 4, name: 'imported_events', applied_at: AT },
      { id: 5, name: 'profile_assets', applied_at: AT },
      { id: 6, name: 'revealed_events', applied_at: AT },
    ]);
    db.close();
  });

  it('refuses a database written by a newer version (id 999) with DB_NEWER_VERSION and leaves it untouched', () => {
    const path = join(makeTempDir(), 'pledge-desk.db');
    const setup = openDatabase(path, NOW);
    setup.prepare("INSERT INTO schema_migrations VALUES (999, 'future', ?)").run(AT);
    setup.prepare("INSERT INTO templates VALUES ('t', 'v', '承诺书', 'builtin', '{}', ?)").run(AT);
    setup.close();
    const bytes = readFileSync(path);
    const counts = rowCounts(path);

    const error = thrown(() => openDatabase(path, NOW));
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_NEWER_VERSION');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(rowCounts(path)).toEqual(counts);
    // Every known migration plus the unknown 999.
    expect(counts.schema_migrations).toBe(MIGRATIONS.length + 1);
  });

  it('does not even change the journal mode of a newer database it refuses', () => {
    // BUG (open-database.ts): `journal_mode = WAL` is set before `migrate` checks the ids, so a refused
    // database kept in rollback-journal mode is converted to WAL (its header bytes 18–19 change) although
    // createHost promises to throw "before anything is changed".
    const path = join(makeTempDir(), 'pledge-desk.db');
    const setup = new Database(path);
    setup.exec(`CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
                INSERT INTO schema_migrations VALUES (1, 'initial', '${AT}'), (999, 'future', '${AT}');`);
    setup.close();
    const bytes = readFileSync(path);
    expect((thrown(() => openDatabase(path, NOW)) as CoreError).code).toBe('DB_NEWER_VERSION');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reports a file that is not a database as DB_CORRUPT and leaves it as it was', () => {
    const path = join(makeTempDir(), 'pledge-desk.db');
    const garbage = Buffer.from('this is not a SQLite database, just some bytes that a user put here\n'.repeat(80));
    writeFileSync(path, garbage);
    const error = thrown(() => openDatabase(path, NOW));
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_CORRUPT');
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('reports a folder that does not exist as STORAGE_UNAVAILABLE', () => {
    const path = join(makeTempDir(), 'missing', 'deeper', 'pledge-desk.db');
    expect((thrown(() => openDatabase(path, NOW)) as CoreError).code).toBe('STORAGE_UNAVAILABLE');
  });
});

describe('schema rules', () => {
  it('keeps archive rows append-only: UPDATE and DELETE are refused by triggers', () => {
    const db = openDatabase(join(makeTempDir(), 'pledge-desk.db'), NOW);
    insertArchiveRow(db, 'PD-20261128-AAAAAAAA');
    expect(() => db.prepare("UPDATE archive SET signer_name = '李四' WHERE id = ?").run('PD-20261128-AAAAAAAA')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM archive WHERE id = ?').run('PD-20261128-AAAAAAAA')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM archive').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT signer_name FROM archive').pluck().all()).toEqual(['张三']);
    db.close();
  });

  it('refuses a draft whose template version does not exist (foreign keys are on)', () => {
    const db = openDatabase(join(makeTempDir(), 'pledge-desk.db'), NOW);
    expect(() =>
      db
        .prepare("INSERT INTO drafts (id, template_id, template_version, step, created_at, updated_at) VALUES ('d', 'nope', 'v', 'intro', ?, ?)")
        .run(AT, AT),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses an unknown draft status (CHECK constraint)', () => {
    const db = openDatabase(join(makeTempDir(), 'pledge-desk.db'), NOW);
    db.prepare("INSERT INTO templates VALUES ('t', 'v', '承诺书', 'builtin', '{}', ?)").run(AT);
    expect(() =>
      db
        .prepare("INSERT INTO drafts (id, template_id, template_version, step, status, created_at, updated_at) VALUES ('d', 't', 'v', 'intro', 'deleted', ?, ?)")
        .run(AT, AT),
    ).toThrow(/CHECK/);
    db.close();
  });
});
