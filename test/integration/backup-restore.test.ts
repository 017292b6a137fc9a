import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppInfo, BackupInfo, Draft, DraftSummary, RestoreResult, StartupProblem, VerifyAllResult } from '../../electron/shared/dto';
import { CoreError } from '../../electron/core/errors';
import { createHostOrRecovery } from '../../electron/host/create-recovery-host';
import type { Host } from '../../electron/host/host';
import { restoreLatestBackup } from '../../electron/host/restore-latest-backup';
import { PERSONAL_SIGNER, archiveHost } from '../support/archive-host';
import { seededRandomBytes } from '../support/lcg';
import { RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { TEMPLATE_ID, createTestHost, err, manualClock, ok, type ManualClock } from '../support/test-host';

/**
 * Issue 6 (backups) and issue 7 ("the database file is corrupted: the app says so and offers a restore from
 * the latest automatic backup; it never silently replaces a damaged database with an empty one").
 */

afterAll(removeTempDirs);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GARBAGE = Buffer.from('a sync tool wrote this over the database\n'.repeat(300));
const dbPath = (dataDir: string): string => join(dataDir, 'pledge-desk.db');
const backupsOf = (dataDir: string): string[] => (existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')).sort() : []);

/** Starts a host, waits for its start-up backup, and closes it again. */
async function startAndStop(dataDir: string, clock: ManualClock): Promise<BackupInfo | null> {
  const { host } = createTestHost(dataDir, { clock });
  try {
    return await host.autoBackup;
  } finally {
    host.close();
  }
}

function thrown(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}

/** A data folder with drafts `before` saved, an automatic backup taken, then drafts `after` saved. */
async function folderWithBackup(): Promise<{ dataDir: string; clock: ManualClock; before: string[]; after: string[]; backup: BackupInfo }> {
  const dataDir = makeTempDir('pledge-restore-');
  const clock = manualClock();
  const { host } = createTestHost(dataDir, { clock });
  await host.autoBackup;
  const create = async (value: string): Promise<string> => {
    const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    ok(await host.dispatch('drafts.update', { id, values: { 'pre-2': value } }));
    return id;
  };
  const before = [await create('淘宝'), await create('京东')];
  host.close();
  clock.tick(DAY);
  const second = createTestHost(dataDir, { clock, seed: 2 });
  const backup = (await second.host.autoBackup) as BackupInfo;
  const { id } = ok<{ id: string }>(await second.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  second.host.close();
  return { dataDir, clock, before, after: [id], backup };
}

describe('automatic backups', () => {
  it('the first start backs the database up with the online backup API, named by the host clock', async () => {
    const dataDir = makeTempDir('pledge-backup-');
    const clock = manualClock('2026-11-28T02:30:00.000Z');
    const backup = await startAndStop(dataDir, clock);
    expect(backup).toEqual({
      name: 'pledge-desk-20261128T023000Z.db',
      path: join(dataDir, 'backups', 'pledge-desk-20261128T023000Z.db'),
      createdAt: '2026-11-28T02:30:00.000Z',
      bytes: readFileSync(join(dataDir, 'backups', 'pledge-desk-20261128T023000Z.db')).length,
      kind: 'automatic',
    });
    // One self-contained, sound file (no -wal beside it), holding the templates the host seeded.
    expect(backupsOf(dataDir)).toEqual(['pledge-desk-20261128T023000Z.db']);
    const copy = new Database(backup?.path as string, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM templates').pluck().get()).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });

  it('at most once a day: not again 1 or 23 hours later, again after 24 hours', async () => {
    const dataDir = makeTempDir('pledge-backup-');
    const clock = manualClock();
    expect(await startAndStop(dataDir, clock)).not.toBeNull();
    clock.tick(HOUR);
    expect(await startAndStop(dataDir, clock)).toBeNull();
    clock.tick(22 * HOUR);
    expect(await startAndStop(dataDir, clock)).toBeNull();
    clock.tick(HOUR);
    expect((await startAndStop(dataDir, clock))?.createdAt).toBe('2026-11-29T02:30:00.000Z');
    expect(backupsOf(dataDir)).toEqual(['pledge-desk-20261128T023000Z.db', 'pledge-desk-20261129T023000Z.db']);
  });

  it('keeps the last 7 automatic backups; manual ones are never pruned', async () => {
    const dataDir = makeTempDir('pledge-backup-');
    const clock = manualClock();
    const { host } = createTestHost(dataDir, { clock });
    await host.autoBackup;
    const manual = ok<BackupInfo>(await host.dispatch('backup.create', {}));
    host.close();
    expect(manual).toMatchObject({ name: 'pledge-desk-20261128T023000Z-manual.db', kind: 'manual' });
    for (let day = 1; day <= 9; day++) {
      clock.tick(DAY);
      await startAndStop(dataDir, clock);
    }
    const days = ['1201', '1202', '1203', '1204', '1205', '1206', '1207'];
    expect(backupsOf(dataDir)).toEqual([
      'pledge-desk-20261128T023000Z-manual.db',
      ...days.map((d) => `pledge-desk-2026${d}T023000Z.db`),
    ]);
    const { host: last } = createTestHost(dataDir, { clock });
    try {
      const list = ok<BackupInfo[]>(await last.dispatch('backup.list', {}));
      expect(list.map((b) => b.name)).toEqual([...days.map((d) => `pledge-desk-2026${d}T023000Z.db`).reverse(), 'pledge-desk-20261128T023000Z-manual.db']);
    } finally {
      last.close();
    }
  });

  it('two manual backups in the same second get distinct names', async () => {
    const { host } = createTestHost(makeTempDir('pledge-backup-'));
    try {
      await host.autoBackup;
      const first = ok<BackupInfo>(await host.dispatch('backup.create', {}));
      const second = ok<BackupInfo>(await host.dispatch('backup.create', {}));
      expect([first.name, second.name]).toEqual(['pledge-desk-20261128T023000Z-manual.db', 'pledge-desk-20261128T023000Z-2-manual.db']);
    } finally {
      host.close();
    }
  });

  it('a backup that cannot be written is logged; the host works on', async () => {
    const dataDir = makeTempDir('pledge-backup-');
    writeFileSync(join(dataDir, 'backups'), 'a file where the folder should be');
    const { host, logs } = createTestHost(dataDir);
    try {
      expect(await host.autoBackup).toBeNull();
      expect(logs.join('\n')).toMatch(/automatic backup .* failed/);
      ok(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    } finally {
      host.close();
    }
  });

  it('closing the host while a backup runs aborts it and leaves nothing behind', async () => {
    const dataDir = makeTempDir('pledge-backup-');
    const { host, logs } = createTestHost(dataDir);
    host.close();
    expect(await host.autoBackup).toBeNull();
    expect(backupsOf(dataDir)).toEqual([]);
    expect(logs).toEqual([]);
  });
});

describe('a damaged database at start-up', () => {
  it('createHost throws DB_CORRUPT naming the latest backup and the restore command; the file is not touched', async () => {
    const { dataDir, backup } = await folderWithBackup();
    writeFileSync(dbPath(dataDir), GARBAGE);
    const before = readdirSync(dataDir).sort();
    const error = thrown(() => createTestHost(dataDir));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(`The latest backup is ${backup.name}`);
    expect(error.message).toContain(`pledge --data-dir "${dataDir}" backup restore`);
    expect(error.details).toMatchObject({
      code: 'DB_CORRUPT',
      latestBackup: backup,
      restoreCommand: `pledge --data-dir "${dataDir}" backup restore`,
      dataDir,
    } satisfies Partial<StartupProblem> & { dataDir: string });
    expect(readFileSync(dbPath(dataDir)).equals(GARBAGE)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(error.toApiError()).toMatchObject({ code: 'DB_CORRUPT', details: { latestBackup: { name: backup.name } } });
  });

  it('without any backup it says there is none, and still touches nothing', () => {
    const dataDir = makeTempDir('pledge-restore-');
    writeFileSync(dbPath(dataDir), GARBAGE);
    const error = thrown(() => createTestHost(dataDir));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/There is no backup of it/);
    expect(error.details).toMatchObject({ latestBackup: null });
    expect(readFileSync(dbPath(dataDir)).equals(GARBAGE)).toBe(true);
  });

  it('a missing or empty database where backups exist → DB_MISSING; no new empty database is made', async () => {
    const { dataDir, backup } = await folderWithBackup();
    // An empty file first (a truncation), then no file at all.
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith('pledge-desk.db'))) rmSync(join(dataDir, f));
    writeFileSync(dbPath(dataDir), '');
    for (const state of ['empty', 'missing'] as const) {
      if (state === 'missing') rmSync(dbPath(dataDir));
      const error = thrown(() => createTestHost(dataDir));
      expect(error.code, state).toBe('DB_MISSING');
      expect(error.details).toMatchObject({ latestBackup: { name: backup.name } });
      expect(state === 'missing' ? existsSync(dbPath(dataDir)) : readFileSync(dbPath(dataDir)).length, state).toBe(state === 'missing' ? false : 0);
    }
    // The backup restores it.
    expect(restoreLatestBackup(dataDir, { now: new Date() }).restored.name).toBe(backup.name);
    createTestHost(dataDir).host.close();
  });

  it('restoreLatestBackup moves the damaged file aside, copies the backup in and verifies it; the host opens with the backup’s data', async () => {
    const { dataDir, before, after, backup } = await folderWithBackup();
    writeFileSync(dbPath(dataDir), GARBAGE);
    writeFileSync(`${dbPath(dataDir)}-wal`, 'stale write-ahead log');
    const result = restoreLatestBackup(dataDir, { now: new Date('2026-12-01T08:00:00Z') });
    expect(result.restored).toEqual(backup);
    expect(result.skipped).toEqual([]);
    // The -wal (which may hold recent work) goes aside with it, and the -shm SQLite made while checking it.
    const aside = `${dbPath(dataDir)}.damaged-20261201T080000Z`;
    expect(result.movedAside.filter((p) => !p.endsWith('-shm'))).toEqual([aside, `${aside}-wal`]);
    for (const path of result.movedAside) expect(existsSync(path)).toBe(true);
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('stale write-ahead log');
    expect(readFileSync(`${dbPath(dataDir)}.damaged-20261201T080000Z`).equals(GARBAGE)).toBe(true);
    expect(existsSync(`${dbPath(dataDir)}-wal`)).toBe(false);
    const check = new Database(dbPath(dataDir), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const { host } = createTestHost(dataDir, { clock: manualClock('2026-12-01T08:00:00.000Z'), seed: 3 });
    try {
      const drafts = ok<DraftSummary[]>(await host.dispatch('drafts.list', {}));
      expect(drafts.map((d) => d.id).sort()).toEqual([...before].sort());
      expect(drafts.map((d) => d.id)).not.toContain(after[0]);
      const values = await Promise.all(before.map(async (id) => ok<Draft>(await host.dispatch('drafts.get', { id })).values['pre-2']));
      expect(values).toEqual(['淘宝', '京东']);
    } finally {
      host.close();
    }
  });

  it('passes over a damaged newest backup and restores the one before it', async () => {
    const { dataDir, clock, backup } = await folderWithBackup();
    clock.tick(DAY);
    const newest = (await startAndStop(dataDir, clock)) as BackupInfo;
    writeFileSync(newest.path, GARBAGE);
    writeFileSync(dbPath(dataDir), GARBAGE);
    const result = restoreLatestBackup(dataDir, { now: clock() });
    expect(result.restored.name).toBe(backup.name);
    expect(result.skipped.map((s) => s.name)).toEqual([newest.name]);
  });

  it('refuses: no backup (BACKUP_NOT_FOUND), a sound database (DB_NOT_DAMAGED) unless forced', async () => {
    const empty = makeTempDir('pledge-restore-');
    writeFileSync(dbPath(empty), GARBAGE);
    expect(thrown(() => restoreLatestBackup(empty, { now: new Date() })).code).toBe('BACKUP_NOT_FOUND');

    const { dataDir, backup } = await folderWithBackup();
    const bytes = readFileSync(dbPath(dataDir));
    expect(thrown(() => restoreLatestBackup(dataDir, { now: new Date() })).code).toBe('DB_NOT_DAMAGED');
    expect(readFileSync(dbPath(dataDir)).equals(bytes)).toBe(true);
    const forced = restoreLatestBackup(dataDir, { now: new Date('2026-12-01T08:00:00Z'), force: true });
    expect(forced.restored).toEqual(backup);
    expect(forced.movedAside[0]).toBe(`${dbPath(dataDir)}.replaced-20261201T080000Z`);
  });
});

describe('the archive files after a restore', () => {
  it('the backup holds the records, not their PDFs: verifyAll passes, and names a PDF missing from the folder', async () => {
    const dataDir = makeTempDir('pledge-restore-files-');
    const a = archiveHost(dataDir);
    let kept: string;
    let later: string;
    try {
      await a.host.autoBackup;
      kept = (await a.sign()).id;
      ok(await a.host.dispatch('backup.create', {}));
      later = (await a.sign()).id;
    } finally {
      a.host.close();
    }
    writeFileSync(dbPath(dataDir), GARBAGE);
    for (const f of ['-wal', '-shm']) rmSync(`${dbPath(dataDir)}${f}`, { force: true });
    expect(restoreLatestBackup(dataDir).restored.kind).toBe('manual');
    const { host } = createTestHost(dataDir, { seed: 9 });
    try {
      expect(ok<Array<{ id: string }>>(await host.dispatch('archive.list', {})).map((r) => r.id)).toEqual([kept]);
      expect(ok<Array<{ id: string }>>(await host.dispatch('archive.list', {})).map((r) => r.id)).not.toContain(later);
      expect(ok<VerifyAllResult>(await host.dispatch('archive.verifyAll', {}))).toMatchObject({ checked: 1, failures: [] });
      const record = ok<{ fileSha256: string }>(await host.dispatch('archive.get', { id: kept }));
      rmSync(join(dataDir, 'archive', `${record.fileSha256}.pdf`));
      expect(ok<VerifyAllResult>(await host.dispatch('archive.verifyAll', {})).failures).toEqual([
        expect.objectContaining({ recordId: kept, problem: 'pdf-missing' }),
      ]);
    } finally {
      host.close();
    }
  });
});

describe('recovery mode: what the shell and `pledge serve --recover` run when the database is damaged', () => {
  it('answers app.info with the problem and the latest backup, refuses everything else, and restores on request', async () => {
    const { dataDir, before, backup } = await folderWithBackup();
    writeFileSync(dbPath(dataDir), GARBAGE);
    const logs: string[] = [];
    const host: Host = createHostOrRecovery({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      clock: manualClock('2026-12-02T00:00:00.000Z'),
      randomBytes: seededRandomBytes(5),
      log: (m) => logs.push(m),
    });
    try {
      const info = ok<AppInfo>(await host.dispatch('app.info', {}));
      expect(info.recovery).toMatchObject({ code: 'DB_CORRUPT', latestBackup: { name: backup.name }, restoreCommand: `pledge --data-dir "${dataDir}" backup restore` });
      expect(err(await host.dispatch('drafts.list', {}))).toMatchObject({ code: 'DB_CORRUPT', details: { latestBackup: { name: backup.name } } });
      expect(err(await host.putBlob(new Uint8Array(3))).code).toBe('DB_CORRUPT');
      expect(err(await host.dispatch('drafts.list', { sort: 'sideways' })).code).toBe('VALIDATION');
      expect(ok<BackupInfo[]>(await host.dispatch('backup.list', {}))[0]?.name).toBe(backup.name);
      expect(readFileSync(dbPath(dataDir)).equals(GARBAGE)).toBe(true);

      const restored = ok<RestoreResult>(await host.dispatch('backup.restore', {}));
      expect(restored.restored.name).toBe(backup.name);
      expect(restored.movedAside).toEqual([`${dbPath(dataDir)}.damaged-20261202T000000Z`]);
      // From now on the host is a normal one, on the restored database.
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toBeUndefined();
      expect(ok<DraftSummary[]>(await host.dispatch('drafts.list', {})).map((d) => d.id).sort()).toEqual([...before].sort());
      expect(logs.join('\n')).toMatch(/recovery mode/);
    } finally {
      host.close();
    }
  });

  it('a database that opens but is found damaged in use: the host stops using it and offers the restore', async () => {
    const { dataDir, before, backup } = await folderWithBackup();
    // Overwrite the drafts table's root page: the schema still reads, so the database opens.
    const probe = new Database(dbPath(dataDir), { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'drafts'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = readFileSync(dbPath(dataDir));
    bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
    writeFileSync(dbPath(dataDir), bytes);

    const logs: string[] = [];
    const host = createHostOrRecovery({ dataDir, resourcesDir: RESOURCES_DIR, clock: manualClock('2026-12-02T00:00:00.000Z'), log: (m) => logs.push(m) });
    try {
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toBeUndefined();
      expect(err(await host.dispatch('drafts.list', {}))).toMatchObject({ code: 'DB_CORRUPT', details: { latestBackup: { name: backup.name } } });
      expect(ok<AppInfo>(await host.dispatch('app.info', {})).recovery).toMatchObject({ code: 'DB_CORRUPT', latestBackup: { name: backup.name } });
      expect(err(await host.dispatch('templates.list', {})).code).toBe('DB_CORRUPT');
      expect(ok<RestoreResult>(await host.dispatch('backup.restore', {})).restored.name).toBe(backup.name);
      expect(ok<DraftSummary[]>(await host.dispatch('drafts.list', {})).map((d) => d.id).sort()).toEqual([...before].sort());
    } finally {
      host.close();
    }
  });

  it('a normal host answers backup.restore with DB_NOT_DAMAGED and changes nothing', async () => {
    const { host } = createTestHost(makeTempDir('pledge-restore-'));
    try {
      await host.autoBackup;
      expect(err(await host.dispatch('backup.restore', {})).code).toBe('DB_NOT_DAMAGED');
    } finally {
      host.close();
    }
  });
});

describe('a redaction also reaches the backups', () => {
  it('replaces every backup by a fresh one without the erased personal data', async () => {
    const dataDir = makeTempDir('pledge-redact-backups-');
    mkdirSync(dataDir, { recursive: true });
    const a = archiveHost(dataDir);
    try {
      await a.host.autoBackup;
      const signed = await a.sign({ signer: PERSONAL_SIGNER });
      ok(await a.host.dispatch('backup.create', {}));
      const holdsPhone = (): boolean => backupsOf(dataDir).some((f) => readFileSync(join(dataDir, 'backups', f)).includes(PERSONAL_SIGNER.phone as string));
      expect(holdsPhone()).toBe(true);
      ok(await a.host.dispatch('archive.redact', { id: signed.id, reason: '本人申请删除个人信息' }));
      expect(backupsOf(dataDir)).toHaveLength(1);
      expect(holdsPhone()).toBe(false);
    } finally {
      a.host.close();
    }
  });
});
