import type { ErrorCode } from '../../shared/api-error';

/** Where a CLI run writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A failure that ends the command: printed as `error: <CODE>: <message>` with the matching exit code. */
export class CliFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Exit 1 for failures of the machine or the program; exit 2 for everything the caller can fix. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return code === 'INTERNAL' ||
    code === 'DB_NEWER_VERSION' ||
    code === 'DB_CORRUPT' ||
    code === 'DB_MISSING' ||
    code === 'BACKUP_NOT_FOUND' ||
    code === 'STORAGE_UNAVAILABLE' ||
    code === 'MIGRATION_BACKUP_FAILED'
    ? 1
    : 2;
}
