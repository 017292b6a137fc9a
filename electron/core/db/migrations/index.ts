import { migration0001 } from './0001_initial';

export interface Migration {
  /** Strictly increasing, starting at 1. */
  id: number;
  name: string;
  sql: string;
}

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
