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
import { restoreCommand, startupProblem } from './startup-problem';

/** The start-up failures a recovery host stands in for: the ones a backup can repair. */
export function isRecoverable(error: unknown): error is CoreError & { code: StartupProblem['code'] } {
  return error instanceof CoreError && (error.code === 'DB_CORRUPT' || error.code === 'DB_MISSING');
}

/**
 * What the Electron shell and `pledge serve` run when `createHost` threw DB_CORRUPT or DB_MISSING, so that the
 * app can show a start-up screen instead of quitting. It never opens the database. It answers:
 * - `app.info` with `recovery` (the problem, the latest backup and the restore command): the renderer's cue
 *   to show "the database is damaged — restore the backup of <date>?" instead of the normal screens;
 * - `backup.list`;
 * - `backup.restore`: `restoreLatestBackup` (the damaged file is moved aside, never deleted), then
 *   `createHost` on the restored database; from then on every call goes to that host, as if it had started
 *   normally (the renderer reloads);
 * - every other method with the start-up error (DB_CORRUPT or DB_MISSING, with its `details`).
 * Blobs are unavailable until a restore succeeds.
 */
export function createRecoveryHost(options: HostOptions, problem: CoreError & { code: StartupProblem['code'] }): Host {
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  let live: Host | null = null;
  let closed = false;
  const refusal = (): ApiResult<never> => ({ ok: false, error: problem.toApiError() });
  const recovery = (): StartupProblem => ({
    code: problem.code,
    message: problem.message,
    latestBackup: listBackups(join(dataDir, BACKUP_DIR))[0] ?? null,
    restoreCommand: restoreCommand(dataDir),
  });

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
            const info: AppInfo = { mode: options.mode ?? 'embedded', version: APP_VERSION, dataDir, nativeFileDialogs: false, recovery: recovery() };
            return { ok: true, value: info };
          }
          case 'backup.list':
            return { ok: true, value: listBackups(join(dataDir, BACKUP_DIR)) };
          case 'backup.restore': {
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
 * shows the restore screen. Other start-up failures (a newer database, an unwritable folder) are thrown.
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
