import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups, pruneAutomaticBackups } from '../../../../electron/core/db/backup-files';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { CoreError } from '../../../../electron/core/errors';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';

/** Issue 6: "automatic backups before every migration". */

afterAll(removeTempDirs);

const AT = '2026-11-20T08:00:00.000Z';
const NOW = new Date('2026-11-28T02:30:00.000Z');

/** A database file at schema version 3 (before migration 4) holding one template row, in its own data folder. */
function versionThreeFile(): { dataDir: string; path: string } {
  const dataDir = makeTempDir('pledge-premig-');
  const path = join(dataDir, 'pledge-desk.db');
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 3), AT);
  db.prepare("INSERT INTO templates VALUES ('old-template', 'v1', '旧的承诺书', 'import', '{}', ?)").run(AT);
  db.close();
  return { dataDir, path };
}

function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const schemaVersion = (db: Database.Database): number => db.prepare('SELECT max(id) FROM schema_migrations').pluck().get() as number;

describe('the backup before a migration', () => {
  it('backs an older database up, as it was, before migrating it', () => {
    const { dataDir, path } = versionThreeFile();
    const db = openDatabase(path, NOW);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.id);
    db.close();

    const backups = listBackups(join(dataDir, 'backups'));
    expect(backups.map((b) => [b.name, b.kind])).toEqual([['pledge-desk-20261128T023000Z-pre-migration.db', 'pre-migration']]);
    const backup = backups[0]?.path as string;
    readOnly(backup, (copy) => {
      expect(schemaVersion(copy)).toBe(3);
      expect(copy.prepare("SELECT title FROM templates WHERE id = 'old-template'").pluck().get()).toBe('旧的承诺书');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // One self-contained file: a rollback journal, no -wal needed.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    });
    // Never pruned with the automatic ones.
    pruneAutomaticBackups(join(dataDir, 'backups'), 0);
    expect(existsSync(backup)).toBe(true);
  });

  it('takes none for a new database or one already up to date', () => {
    const dataDir = makeTempDir('pledge-premig-new-');
    const path = join(dataDir, 'pledge-desk.db');
    openDatabase(path, NOW).close();
    openDatabase(path, new Date('2026-12-01T00:00:00Z')).close();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses to migrate when the backup cannot be written (MIGRATION_BACKUP_FAILED); the file stays as it was', () => {
    const { dataDir, path } = versionThreeFile();
    // A file where the backups folder should be: creating the folder fails, as on a read-only or full disk.
    writeFileSync(join(dataDir, 'backups'), 'in the way');
    const bytes = readFileSync(path);
    let error: unknown;
    try {
      openDatabase(path, NOW).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('MIGRATION_BACKUP_FAILED');
    expect((error as CoreError).message).toMatch(/schema 3\) needs migrations 4(, \d+)*, but the backup before migrating failed \(E[A-Z]+: /);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readOnly(path, schemaVersion)).toBe(3);
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'pledge-desk.db']);
  });
});
