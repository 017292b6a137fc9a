import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupExportResult, VerifyAllResult } from '../../electron/shared/dto';
import { runCli as runCliInProcess } from '../../electron/host/cli/run-cli';
import type { Host } from '../../electron/host/host';
import { PERSONAL_SIGNER, archiveHost } from '../support/archive-host';
import { packBundle, unpackBundle } from '../support/bundle-files';
import { makeSignaturePng } from '../support/make-png';
import { RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, createTestHost, err, manualClock, ok } from '../support/test-host';

/**
 * Issue 6: "`pledge backup --out FILE` and a button: an online SQLite backup plus the archive files, and restore
 * into an empty data folder … a test compares restored content, not just integrity_check".
 */

afterAll(removeTempDirs);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `pledge` CLI in-process (the same code as the bundled one), on `dataDir`. */
async function pledge(dataDir: string, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCliInProcess(
    ['--data-dir', dataDir, ...args],
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: dataDir },
    { resourcesDir: RESOURCES_DIR, rendererDir: RESOURCES_DIR },
  );
  return { code, stdout, stderr };
}

/** Every row of every user-data table, in storage order: what a restore must bring back exactly. */
const TABLES = ['schema_migrations', 'templates', 'drafts', 'profiles', 'archive', 'personal_data', 'events', 'search_doc', 'search_template'];

function tablesOf(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'pledge-desk.db'), { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT rowid AS _rowid, * FROM ${t} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

/** `folder/name` → bytes, for archive/ and scans/. */
function filesOf(dataDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const folder of ['archive', 'scans']) {
    const dir = join(dataDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) files.set(`${folder}/${name}`, readFileSync(join(dir, name)));
  }
  return files;
}

/** A data folder with signed records (one voided, one with a scan and personal data), an open draft and a profile. */
async function populatedFolder(): Promise<{ dataDir: string; host: Host }> {
  const dataDir = makeTempDir('pledge-full-src-');
  const a = archiveHost(dataDir, 31);
  const first = await a.sign();
  const second = await a.sign({ signer: PERSONAL_SIGNER });
  ok(await a.host.dispatch('archive.void', { id: first.id, reason: '录入错误' }));
  const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(makeSignaturePng(300, 120)));
  ok(await a.host.dispatch('archive.attachScan', { id: second.id, blobId }));
  const { id: draft } = ok<{ id: string }>(await a.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  ok(await a.host.dispatch('drafts.update', { id: draft, values: { 'pre-2': '京东' }, signer: SIGNER }));
  ok(await a.host.dispatch('profiles.save', { signer: PERSONAL_SIGNER }));
  await a.host.autoBackup;
  return { dataDir, host: a.host };
}

describe('full backup (.pledgebackup) and restore', () => {
  let source: { dataDir: string; host: Host };
  let file: string;
  let backupJson: { out: string; bytes: number };

  beforeAll(async () => {
    source = await populatedFolder();
    source.host.close();
    file = join(makeTempDir('pledge-full-out-'), 'all.pledgebackup');
    const run = await pledge(source.dataDir, '--json', 'backup', '--out', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    backupJson = JSON.parse(run.stdout) as typeof backupJson;
  });

  it('`pledge backup --out` prints {"out","bytes"} and writes exactly that file; nothing is left in exports/', () => {
    expect(backupJson).toEqual({ out: file, bytes: statSync(file).size });
    expect(readdirSync(join(source.dataDir, 'exports'))).toEqual([]);
    expect(readdirSync(join(file, '..'))).toEqual(['all.pledgebackup']);
  });

  it('restores into an empty folder on another data dir with every row, event, draft, profile, template and file equal', async () => {
    const target = join(makeTempDir('pledge-full-dst-'), 'data');
    const run = await pledge(target, '--json', 'restore', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const restored = JSON.parse(run.stdout) as { records: number; files: number; movedAside: string[]; backup: string | null };
    expect(restored).toMatchObject({ records: 2, files: 3, movedAside: [] });

    const before = tablesOf(source.dataDir);
    const after = tablesOf(target);
    for (const table of TABLES) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(after.archive).toHaveLength(2);
    expect(after.drafts?.length).toBeGreaterThanOrEqual(3);
    expect(after.profiles).toHaveLength(1);

    const files = filesOf(target);
    expect([...files.keys()].sort()).toEqual([...filesOf(source.dataDir).keys()].sort());
    for (const [path, bytes] of filesOf(source.dataDir)) expect(files.get(path)?.equals(bytes), path).toBe(true);

    // The restored folder works: the chain and every PDF and scan verify, and the head is the source's.
    // The restore dated its automatic backup by the real clock; the host's must not lie before it.
    const { host } = createTestHost(target, { clock: manualClock(new Date().toISOString()) });
    try {
      const verify = ok<VerifyAllResult>(await host.dispatch('archive.verifyAll', {}));
      expect(verify.failures).toEqual([]);
      expect(verify.checked).toBe(2);
      const db = new Database(join(source.dataDir, 'pledge-desk.db'), { readonly: true });
      const head = db.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').pluck().get();
      db.close();
      expect(verify.headHash).toBe(head);
      // The restored database is also the newest automatic backup, so the daily rotation starts from it.
      expect(restored.backup).toMatch(/^pledge-desk-\d{8}T\d{6}Z\.db$/);
      expect(await host.autoBackup).toBeNull();
    } finally {
      host.close();
    }
  });

  it('restores onto a brand-new database (the app was started once) and keeps that one aside', async () => {
    const target = makeTempDir('pledge-full-fresh-');
    const { host } = createTestHost(target);
    await host.autoBackup;
    host.close();
    const run = await pledge(target, '--json', 'restore', file);
    expect(run.code).toBe(0);
    const restored = JSON.parse(run.stdout) as { movedAside: string[] };
    expect(restored.movedAside[0]).toMatch(/pledge-desk\.db\.replaced-\d{8}T\d{6}Z$/);
    expect(tablesOf(target).archive).toEqual(tablesOf(source.dataDir).archive);
  });

  it('refuses a folder that is not empty (exit 2, RESTORE_TARGET_NOT_EMPTY) and changes nothing in it', async () => {
    const target = makeTempDir('pledge-full-busy-');
    const a = archiveHost(target, 5);
    await a.sign();
    await a.host.autoBackup;
    a.host.close();
    const snapshot = (): Record<string, string> =>
      Object.fromEntries(
        readdirSync(target, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name)).toString('base64')]),
      );
    const before = snapshot();
    const run = await pledge(target, '--json', 'restore', file);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^error: RESTORE_TARGET_NOT_EMPTY: .*archive\/ holds 1 file/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a folder whose only content is a draft in the database', async () => {
    const target = makeTempDir('pledge-full-draft-');
    const { host } = createTestHost(target);
    ok(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    await host.autoBackup;
    host.close();
    const run = await pledge(target, 'restore', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/RESTORE_TARGET_NOT_EMPTY: .*row in drafts/);
  });

  it('a backup file with one byte changed restores nothing and names the bad entry', async () => {
    const bytes = readFileSync(file);
    // The first PDF's data: after its local header, well inside the entry (PDFs are stored, not deflated).
    const at = bytes.indexOf(Buffer.from('%PDF-'));
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(bytes);
    damaged[at + 200] = (damaged[at + 200] ?? 0) ^ 0x01;
    const bad = join(makeTempDir('pledge-full-bad-'), 'bad.pledgebackup');
    writeFileSync(bad, damaged);
    const target = join(makeTempDir('pledge-full-dst2-'), 'data');
    const run = await pledge(target, 'restore', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: BACKUP_INVALID: archive\/[0-9a-f]{64}\.pdf is damaged: .*CRC-32/);
    expect(existsSync(target)).toBe(false);
  });

  it('a re-zipped backup with an altered PDF (CRC-32 consistent) restores nothing: the SHA-256 names it', async () => {
    const entries = unpackBundle(readFileSync(file));
    const pdf = [...entries.keys()].find((name) => name.startsWith('archive/')) as string;
    const altered = Uint8Array.from(entries.get(pdf) as Uint8Array);
    altered[300] = (altered[300] ?? 0) ^ 0x20;
    entries.set(pdf, altered);
    const bad = join(makeTempDir('pledge-full-bad2-'), 'bad.pledgebackup');
    writeFileSync(bad, packBundle(entries));
    const target = makeTempDir('pledge-full-dst3-');
    const run = await pledge(target, '--json', 'restore', bad);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`error: BACKUP_INVALID: ${pdf} does not match its SHA-256`);
    expect(readdirSync(target)).toEqual([]);
  });

  it('a file slipped into the backup but not in its manifest restores nothing', async () => {
    const entries = unpackBundle(readFileSync(file));
    entries.set(`scans/${'a'.repeat(64)}`, new Uint8Array([1, 2, 3]));
    const bad = join(makeTempDir('pledge-full-bad3-'), 'bad.pledgebackup');
    writeFileSync(bad, packBundle(entries));
    const target = makeTempDir('pledge-full-dst4-');
    const run = await pledge(target, 'restore', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BACKUP_INVALID: scans\/a{64} is in the backup but not in its manifest/);
    expect(readdirSync(target)).toEqual([]);
  });

  it('a backup whose database comes from a newer version is refused (DB_NEWER_VERSION) and leaves nothing behind', async () => {
    const entries = unpackBundle(readFileSync(file));
    const work = makeTempDir('pledge-full-newer-');
    const dbFile = join(work, 'snapshot.db');
    writeFileSync(dbFile, entries.get('pledge-desk.db') as Uint8Array);
    const db = new Database(dbFile);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')").run();
    db.close();
    const newer = new Uint8Array(readFileSync(dbFile));
    entries.set('pledge-desk.db', newer);
    // A consistent manifest: only the version check can stop it.
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as { files: Array<{ path: string; sha256: string; bytes: number }> };
    const listed = manifest.files.find((f) => f.path === 'pledge-desk.db') as { sha256: string; bytes: number };
    listed.sha256 = createHash('sha256').update(newer).digest('hex');
    listed.bytes = newer.length;
    entries.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    const bad = join(work, 'newer.pledgebackup');
    writeFileSync(bad, packBundle(entries));
    const target = makeTempDir('pledge-full-dst5-');
    const run = await pledge(target, 'restore', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: DB_NEWER_VERSION: .*migration 999/);
    // The checked database was written under a temporary name first; it is gone again, and nothing else came.
    expect(readdirSync(target)).toEqual([]);
  });

  it('CLI usage: backup needs --out, restore needs one file; a missing file is BACKUP_INVALID', async () => {
    const dir = makeTempDir('pledge-full-usage-');
    expect(await pledge(dir, 'backup')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: USAGE: --out is required/) });
    expect(await pledge(dir, 'restore')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: USAGE/) });
    expect(await pledge(dir, 'backup', 'nonsense', '--out', join(dir, 'x'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/USAGE/) });
    expect(await pledge(dir, 'restore', join(dir, 'nope.pledgebackup'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: BACKUP_INVALID: cannot read/) });
  });

  it('backup.export in browser mode leaves the file for download at its url, while the host keeps working', async () => {
    const dataDir = makeTempDir('pledge-full-browser-');
    const a = archiveHost(dataDir, 11);
    await a.sign();
    a.host.close();
    const { host } = createTestHost(dataDir);
    try {
      // The backup is taken while the host has the database open: an online backup, not a file copy.
      const result = ok<BackupExportResult>(await host.dispatch('backup.export', {}));
      expect(result).toMatchObject({ records: 1, files: 1, path: null, fileName: expect.stringMatching(/^承诺书备份-\d{8}\.pledgebackup$/) });
      expect(result.url).toBe(`/blobs/${result.blobId}`);
      expect(host.readBlob(result.blobId)?.bytes.length).toBe(result.bytes);
      ok(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    } finally {
      await host.autoBackup;
      host.close();
    }
  });

  it('backup.export offers the desktop save dialog and removes its copy from the data folder', async () => {
    const dataDir = makeTempDir('pledge-full-desk-');
    const a = archiveHost(dataDir, 9);
    await a.sign();
    const result = ok<BackupExportResult>(await a.host.dispatch('backup.export', {}));
    expect(result.path).toBe('/home/user/pledge.pdf');
    expect(a.calls.save).toEqual([[result.fileName, result.blobId]]);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
    a.answers.path = null;
    expect(ok<BackupExportResult>(await a.host.dispatch('backup.export', {})).path).toBeNull();
    await a.host.autoBackup;
    a.host.close();
    expect(err(await a.host.dispatch('backup.export', {})).code).toBe('INTERNAL');
  });
});
