import { basename, join, resolve } from 'node:path';
import type { ApiResult } from '../shared/api-error';
import type { AppInfo, StartupProblem } from '../shared/dto';
import { BACKUP_DIR, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';
import { APP_VERSION } from './app-version';
import { checkCall, toFailure } from './call-errors';
import { createHost } from './create-host';
import type { Host, HostOptions } from './host';
import { restoreLatestBackup } from './restore-latest-backup';
import { describeStartupProblem, startupProblem } from './startup-problem';

const STAND_IN: ReadonlySet<string> = new Set<StartupProblem['code']>(['DB_CORRUPT', 'DB_MISSING', 'DB_NEWER_VERSION', 'STORAGE_UNAVAILABLE', 'MIGRATION_BACKUP_FAILED']);

/**
 * The start-up failures a recovery host stands in for, so that the app can say what is wrong instead of
 * quitting: the ones a backup can repair (DB_CORRUPT, DB_MISSING) and the ones the user must fix outside it
 * (DB_NEWER_VERSION, STORAGE_UNAVAILABLE, MIGRATION_BACKUP_FAILED).
 */
export function isRecoverable(error: unknown): error is CoreError & { code: StartupProblem['code'] } {
  return error instanceof CoreError && STAND_IN.has(error.code);
}

/** Problems that may go away by themselves (space freed, folder made writable): the host tries again. */
const TRANSIENT: ReadonlySet<string> = new Set<StartupProblem['code']>(['STORAGE_UNAVAILABLE', 'MIGRATION_BACKUP_FAILED']);

/**
 * What the Electron shell and `pledge serve` run when `createHost` threw one of the `isRecoverable` errors, so
 * that the app can show a start-up screen instead of quitting. It never opens the database itself. It answers:
 * - `app.info` with `recovery` (a `StartupProblem`: what is wrong, the latest backup, whether a restore can
 *   repair it): the renderer's cue to show the recovery screen instead of the normal ones. For a full or
 *   read-only folder it first tries `createHost` again: once the user has fixed that, the app simply works;
 * - `backup.list`;
 * - `backup.restore`, for DB_CORRUPT and DB_MISSING only: `restoreLatestBackup` (the damaged file is moved
 *   aside, never deleted), then `createHost` on the restored database; from then on every call goes to that
 *   host, as if it had started normally (the renderer reloads). Other problems are refused with their error;
 * - every other method with the start-up error (with its `details`).
 * Blobs are unavailable until the normal host runs.
 */
export function createRecoveryHost(options: HostOptions, problem: CoreError & { code: StartupProblem['code'] }): Host {
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  let live: Host | null = null;
  let closed = false;
  const refusal = (): ApiResult<never> => ({ ok: false, error: problem.toApiError() });
  const recovery = (): StartupProblem => describeStartupProblem(dataDir, problem.code, problem.message);

  return {
    dataDir,
    get autoBackup() {
      return live?.autoBackup ?? Promise.resolve(null);
    },
    async dispatch(method, input) {
      if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'the host is closed' } };
      if (live) return live.dispatch(method, input);
      const call = checkCall(method, input);
      if (!call.ok) return call;
      try {
        switch (call.method) {
          case 'app.info': {
            if (TRANSIENT.has(problem.code)) {
              try {
                live = createHost(options);
                return live.dispatch(method, input);
              } catch {
                // still full or read-only: keep explaining
              }
            }
            const info: AppInfo = { mode: options.mode ?? 'embedded', version: APP_VERSION, dataDir, nativeFileDialogs: false, recovery: recovery() };
            return { ok: true, value: info };
          }
          case 'backup.list':
            return { ok: true, value: listBackups(join(dataDir, BACKUP_DIR)) };
          case 'backup.restore': {
            if (problem.code !== 'DB_CORRUPT' && problem.code !== 'DB_MISSING') return refusal();
            const result = restoreLatestBackup(dataDir, { now: clock() });
            log(`pledge-desk: restored ${result.restored.name} into ${dataDir}; the replaced database is kept as ${result.movedAside.join(', ') || '(none)'}`);
            live = createHost(options);
            return { ok: true, value: result };
          }
          default:
            return refusal();
        }
      } catch (error) {
        return toFailure(error, dataDir, log);
      }
    },
    async putBlob(bytes) {
      return live ? live.putBlob(bytes) : refusal();
    },
    readBlob(blobId) {
      return live?.readBlob(blobId) ?? null;
    },
    // Nowhere to keep the file until a backup is restored: the user opens it again afterwards.
    openFile: (path) => live?.openFile(path) ?? { kind: 'unsupported', fileName: basename(path), problem: 'unreadable' },
    close() {
      if (closed) return;
      closed = true;
      live?.close();
    },
  };
}

/**
 * What a long-running shell (Electron, `pledge serve --recover`) should run instead of `createHost`: the
 * normal host, or a recovery host (see `createRecoveryHost`) when the database is damaged or missing at start,
 * and also when it is found damaged while in use — a method failing with DB_CORRUPT closes the normal host
 * (the damaged file is no longer written to) and hands over to a recovery host, so that the next `app.info`
 * shows the restore screen. A newer database, a full or read-only folder and a failed pre-migration backup get
 * a recovery host too (it explains them, and retries the last three); anything else is thrown.
 */
export function createHostOrRecovery(options: HostOptions): Host {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const recover = (problem: CoreError & { code: StartupProblem['code'] }): Host => {
    log(`pledge-desk: starting in recovery mode: ${problem.message}`);
    recovering = true;
    return createRecoveryHost(options, problem);
  };
  let recovering = false;
  let current: Host;
  try {
    current = createHost(options);
  } catch (error) {
    if (!isRecoverable(error)) throw error;
    current = recover(error);
  }
  return {
    get dataDir() {
      return current.dataDir;
    },
    get autoBackup() {
      return current.autoBackup;
    },
    async dispatch(method, input) {
      const result = await current.dispatch(method, input);
      if (!recovering && !result.ok && result.error.code === 'DB_CORRUPT') {
        const problem = startupProblem(current.dataDir, 'DB_CORRUPT', `the database was found damaged while in use (${result.error.message})`) as CoreError & {
          code: 'DB_CORRUPT';
        };
        current.close();
        current = recover(problem);
        return { ok: false, error: problem.toApiError() };
      }
      return result;
    },
    putBlob: (bytes) => current.putBlob(bytes),
    readBlob: (blobId) => current.readBlob(blobId),
    openFile: (path) => current.openFile(path),
    close: () => current.close(),
  };
}
