import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import type { Migration } from './migrations/index';

export interface MigrateOptions {
  /**
   * Called once before the first pending migration of a database that has some applied already (an existing
   * database at an older version; never for a new one), with the applied and pending ids. Throwing stops the
   * migration before anything is changed: the backup taken here must exist before the schema is touched.
   */
  beforeUpgrade?: (applied: readonly number[], pending: readonly number[]) => void;
}

/**
 * Applies pending migrations, each in its own transaction, recording its id in `schema_migrations`.
 * Refuses a database that has an id this build does not know: it was written by a newer Pledge Desk, and
 * running older code on it could corrupt it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], appliedAt: string, options: MigrateOptions = {}): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const known = new Set(migrations.map((m) => m.id));
  const applied = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as number[];
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CoreError(
      'DB_NEWER_VERSION',
      `the database was written by a newer version of Pledge Desk (migration ${Math.max(...unknown)}); update the app to open it`,
    );
  }
  const done = new Set(applied);
  const pending = migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
  if (applied.length > 0 && pending.length > 0) options.beforeUpgrade?.(applied, pending);
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.up?.(db, appliedAt);
      record.run(migration.id, migration.name, appliedAt);
    })();
  }
}
