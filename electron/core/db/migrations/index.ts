import type Database from 'better-sqlite3';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_acks_profiles_trash';
import { migration0003 } from './0003_archive_ledger';
import { migration0004 } from './0004_imported_events';
import { migration0005 } from './0005_profile_assets';
import { migration0006 } from './0006_revealed_events';

export interface Migration {
  /** Strictly increasing, starting at 1. */
  id: number;
  name: string;
  sql: string;
  /**
   * A data step that SQL cannot express (hashing, JSON reshaping), run after `sql` inside the same
   * transaction. Frozen like the SQL: it must give the same result for the same database forever.
   */
  up?: (db: Database.Database, appliedAt: string) => void;
}

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];
