import { join } from 'node:path';
import { METHODS } from '../shared/api';
import type { ApiError, ApiResult } from '../shared/api-error';
import { type MethodName, isMethodName } from '../shared/method-names';
import { BACKUP_DIR, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';
import { StampError } from '../core/pdf/stamp/stamp-errors';
import { DigitalSignatureError } from '../core/signing/digital/digital-errors';
import { inputShapeProblem } from './input-shape-problem';
import { restoreCommand } from './startup-problem';

/**
 * A method name and input checked against the contract, or the error envelope to answer instead. A missing
 * input (`undefined` or `null`, an empty HTTP body) is the empty object. Never throws: an input the validators
 * cannot even walk (see `inputShapeProblem`) is a VALIDATION error like any other.
 */
export function checkCall(method: string, input: unknown): { ok: true; method: MethodName; input: unknown } | { ok: false; error: ApiError } {
  if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no method ${String(method)}` } };
  let parsed: ReturnType<(typeof METHODS)[MethodName]['safeParse']>;
  try {
    const problem = inputShapeProblem(input);
    if (problem !== null) return { ok: false, error: { code: 'VALIDATION', message: problem } };
    parsed = METHODS[method].safeParse(input ?? {});
  } catch {
    // Why: a getter or proxy that throws (only possible in-process) must not escape as an exception.
    return { ok: false, error: { code: 'VALIDATION', message: 'the input could not be read' } };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    return { ok: false, error: { code: 'VALIDATION', message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid input'}`, ...(path ? { field: path } : {}) } };
  }
  return { ok: true, method, input: parsed.data };
}

/**
 * Turns anything a handler threw into an error envelope: a CoreError (or a digital-signature or stamping
 * error, which carry contract codes too) as it is; SQLite's "damaged" codes as
 * DB_CORRUPT (with the latest backup in `details`); storage failures as STORAGE_UNAVAILABLE; anything else
 * as INTERNAL, logged but never sent.
 */
export function toFailure(error: unknown, dataDir: string, log: (message: string) => void): ApiResult<never> {
  if (error instanceof CoreError || error instanceof DigitalSignatureError) return { ok: false, error: error.toApiError() };
  if (error instanceof StampError) return { ok: false, error: error.toJSON() };
  const code = (error as { code?: string }).code ?? '';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    log(`pledge-desk: the database in ${dataDir} is damaged: ${(error as Error).message}`);
    const latestBackup = listBackups(join(dataDir, BACKUP_DIR))[0] ?? null;
    return {
      ok: false,
      error: { code: 'DB_CORRUPT', message: 'the database is damaged; restore it from a backup', details: { latestBackup, restoreCommand: restoreCommand(dataDir), dataDir } },
    };
  }
  if (/^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code) || ['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EIO'].includes(code)) {
    return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: `the data folder cannot be written (${code})` } };
  }
  log(`pledge-desk: internal error: ${(error as Error)?.stack ?? String(error)}`);
  return { ok: false, error: { code: 'INTERNAL', message: 'an internal error occurred; see the log' } };
}
