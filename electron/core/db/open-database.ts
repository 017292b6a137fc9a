import Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';

/**
 * Opens (creating if needed) the Pledge Desk database at `path` and brings its schema up to date.
 * WAL for concurrent readers, foreign keys on, and `synchronous=FULL`: a change is on disk before the call
 * that made it returns, so a crash or power cut never loses a confirmed draft edit or signature.
 */
export function openDatabase(path: string, now: Date): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new CoreError('STORAGE_UNAVAILABLE', `cannot open the database at ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Migrate (which refuses a newer database) before switching to WAL: a refused file must stay untouched.
    migrate(db, MIGRATIONS, now.toISOString());
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new CoreError('DB_CORRUPT', `the database at ${path} is damaged or is not a Pledge Desk database`);
    }
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
      throw new CoreError('STORAGE_UNAVAILABLE', `cannot write the database at ${path} (${code})`);
    }
    throw error;
  }
}
