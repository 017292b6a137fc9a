import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppInfo, DraftSummary } from '../../electron/shared/dto';
import { openDatabase } from '../../electron/core/db/open-database';
import { CoreError } from '../../electron/core/errors';
import { createHostOrRecovery } from '../../electron/host/create-recovery-host';
import { RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { TEMPLATE_ID, createTestHost, err, manualClock, ok } from '../support/test-host';

/**
 * Issue 7: "the data folder is read-only, full, or the database file is corrupted: the app says so and offers a
 * restore from the latest automatic backup". What the recovery host tells the recovery screen, per problem.
 */

afterAll(removeTempDirs);

const options = (dataDir: string, extra: object = {}) => ({ dataDir, resourcesDir: RESOURCES_DIR, clock: manualClock(), log: () => undefined, ...extra });

/** A data folder with one draft and its start-up backup. */
async function folder(): Promise<string> {
  const dataDir = makeTempDir('pledge-recovery-');
  const { host } = createTestHost(dataDir);
  ok(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  await host.autoBackup;
  host.close();
  return dataDir;
}

describe('the recovery host explains each start-up problem', () => {
  it('a damaged database: restorable from the latest backup, naming the damaged file', async () => {
    const dataDir = await folder();
    writeFileSync(join(dataDir, 'pledge-desk.db'), Buffer.alloc(8192, 0x5a));
    const host = createHostOrRecovery(options(dataDir));
    try {
      const info = ok<AppInfo>(await host.dispatch('app.info', {}));
      expect(info.recovery).toMatchObject({
        code: 'DB_CORRUPT',
        restorable: true,
        databasePath: join(dataDir, 'pledge-desk.db'),
        latestBackup: { kind: 'automatic', name: 'pledge-desk-20261128T023000Z.db' },
      });
      expect(info.recovery?.storage).toBeUndefined();
    } finally {
      host.close();
    }
  });

  it('a database from a newer version: explained, not restorable, and backup.restore refused', async () => {
    const dataDir = await folder();
    const db = new Database(join(dataDir, 'pledge-desk.db'));
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')").run();
    db.close();
    const host = createHostOrRecovery(options(dataDir));
    try {
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toMatchObject({ code: 'DB_NEWER_VERSION', restorable: false });
      expect(err(await host.dispatch('backup.restore', {})).code).toBe('DB_NEWER_VERSION');
      expect(err(await host.dispatch('drafts.list', {})).code).toBe('DB_NEWER_VERSION');
    } finally {
      host.close();
    }
  });

  it('a full folder: says "full", and the app works as soon as space is freed (no restart)', async () => {
    const dataDir = await folder();
    let full = true;
    const host = createHostOrRecovery(
      options(dataDir, {
        openDatabase: (path: string, now: Date) => {
          if (full) throw new CoreError('STORAGE_UNAVAILABLE', `cannot write the database at ${path} (SQLITE_FULL)`);
          return openDatabase(path, now);
        },
      }),
    );
    try {
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toMatchObject({ code: 'STORAGE_UNAVAILABLE', storage: 'full', restorable: false });
      expect(err(await host.dispatch('backup.restore', {})).code).toBe('STORAGE_UNAVAILABLE');
      full = false;
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toBeUndefined();
      expect(ok<DraftSummary[]>(await host.dispatch('drafts.list', {}))).toHaveLength(1);
    } finally {
      host.close();
    }
  });

  it('a read-only folder: says "read-only"', async () => {
    const dataDir = await folder();
    const host = createHostOrRecovery(
      options(dataDir, {
        openDatabase: (path: string) => {
          throw new CoreError('STORAGE_UNAVAILABLE', `cannot write the database at ${path} (SQLITE_READONLY)`);
        },
      }),
    );
    try {
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toMatchObject({ code: 'STORAGE_UNAVAILABLE', storage: 'read-only' });
    } finally {
      host.close();
    }
  });
});
