import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_acks_profiles_trash';

export interface Migration {
  /** Strictly increasing, starting at 1. */
  id: number;
  name: string;
  sql: string;
}

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002];
