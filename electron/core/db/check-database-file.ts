import Database from 'better-sqlite3';
import { statSync } from 'node:fs';

/** What `checkDatabaseFile` found: `ok`, `missing` (no file, or an empty one), or `damaged` with SQLite's words. */
export type DatabaseFileHealth = { state: 'ok' } | { state: 'missing' } | { state: 'damaged'; problem: string };

/**
 * Runs `PRAGMA integrity_check` on a database file through a read-only connection of its own, and checks that
 * it is a Pledge Desk database (it has `schema_migrations`). Never changes the file. A zero-byte file counts
 * as missing: SQLite would take it for a new, empty database.
 */
export function checkDatabaseFile(path: string): DatabaseFileHealth {
  if (databaseFileMissing(path)) return { state: 'missing' };
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') return { state: 'damaged', problem: problems.slice(0, 5).join('; ') };
    const ours = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    return ours ? { state: 'ok' } : { state: 'damaged', problem: 'not a Pledge Desk database (no schema_migrations table)' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { state: 'damaged', problem: `${code ? `${code}: ` : ''}${(error as Error).message}` };
  } finally {
    db?.close();
  }
}

/** True when there is no database file at `path`, or an empty one (cheap: a `stat`, no SQLite). */
export function databaseFileMissing(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return true;
  }
}
