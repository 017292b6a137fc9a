import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import type { Migration } from './migrations/index';

/**
 * Applies pending migrations, each in its own transaction, recording its id in `schema_migrations`.
 * Refuses a database that has an id this build does not know: it was written by a newer Pledge Desk, and
 * running older code on it could corrupt it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], appliedAt: string): void {
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
