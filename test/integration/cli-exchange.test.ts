import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ArchiveSummary, BackupInfo, BundleExportResult, BundleImportResult, FinalizeResult, RestoreResult } from '../../electron/shared/dto';
import { PERSONAL_SIGNER, archiveHost } from '../support/archive-host';
import { editBundle } from '../support/bundle-files';
import { sha256 } from '../support/jcs';
import { runCli } from '../support/run-cli';
import { callApi, cliEnv, serveCommand, waitForUrl } from '../support/serve-process';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { VALID_VALUES, ok } from '../support/test-host';

/** `pledge archive export|import` and `pledge backup create|list|restore`: output, files and exit codes. */

let home: string;
let files: string;
let source: string;
let r1: FinalizeResult;
let r2: FinalizeResult;
let bundle: string;

const cli = (args: string[]) => runCli(args, { home });
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;
const GARBAGE = Buffer.from('not a database any more\n'.repeat(400));

/** Overwrites the database with garbage, as a failing disk or a sync tool might, dropping its WAL files. */
function damage(dataDir: string): void {
  for (const f of readdirSync(dataDir).filter((n) => n.startsWith('pledge-desk.db'))) rmSync(join(dataDir, f));
  writeFileSync(join(dataDir, 'pledge-desk.db'), GARBAGE);
}

beforeAll(async () => {
  home = makeTempDir('pledge-cli-x-home-');
  files = makeTempDir('pledge-cli-x-files-');
  source = makeTempDir('pledge-cli-x-source-');
  const a = archiveHost(source);
  try {
    r1 = await a.sign({ signer: PERSONAL_SIGNER });
    r2 = await a.sign();
    await a.host.autoBackup;
  } finally {
    a.host.close();
  }
  bundle = join(files, 'all.pledgebundle');
});

afterAll(removeTempDirs);

describe('pledge archive export', () => {
  it('--all --out FILE --json → exit 0, one JSON document; the file is the bundle, none is left in the data folder', async () => {
    const r = await cli(['--data-dir', source, '--json', 'archive', 'export', '--all', '--out', bundle]);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ out: string; bytes: number; records: number; sha256: string }>(r.stdout);
    expect(out).toEqual({ out: bundle, bytes: readFileSync(bundle).length, records: 2, sha256: sha256(readFileSync(bundle)) });
    expect(readdirSync(join(source, 'exports'))).toEqual([]);
    expect(readFileSync(bundle).includes(PERSONAL_SIGNER.phone as string)).toBe(false);
  });

  it('--ids A (and ids as arguments) with --include-personal-data', async () => {
    const out = join(files, 'one.pledgebundle');
    const r = await cli(['--data-dir', source, '--json', 'archive', 'export', '--ids', r1.id, '--include-personal-data', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(json<{ records: number }>(r.stdout).records).toBe(1);
    const both = await cli(['--data-dir', source, '--json', 'archive', 'export', r2.id, r1.id, '--out', join(files, 'two.pledgebundle')]);
    expect(json<{ records: number }>(both.stdout).records).toBe(2);
  });

  it('no records named → exit 2 USAGE; an unknown id → exit 2 ARCHIVE_NOT_FOUND; no --out → exit 2 USAGE; nothing on stdout', async () => {
    for (const [args, code] of [
      [['archive', 'export', '--out', join(files, 'x.pledgebundle')], 'USAGE'],
      [['archive', 'export', '--all', '--ids', r1.id, '--out', join(files, 'x.pledgebundle')], 'USAGE'],
      [['archive', 'export', '--ids', 'PD-20990101-NOPE0000', '--out', join(files, 'x.pledgebundle')], 'ARCHIVE_NOT_FOUND'],
      [['archive', 'export', '--all'], 'USAGE'],
    ] as Array<[string[], string]>) {
      const r = await cli(['--data-dir', source, '--json', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: ${code}: `));
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(files, 'x.pledgebundle'))).toBe(false);
  });
});

describe('pledge archive import', () => {
  let target: string;

  beforeAll(() => {
    target = makeTempDir('pledge-cli-x-target-');
  });

  it('FILE --json → exit 0 with the imported ids; again → exit 0, every record already present', async () => {
    const first = await cli(['--data-dir', target, '--json', 'archive', 'import', bundle]);
    expect(first.code, first.stderr).toBe(0);
    expect(json<BundleImportResult>(first.stdout)).toEqual({ imported: [r1.id, r2.id], skipped: [], templates: 0 });
    const list = json<ArchiveSummary[]>((await cli(['--data-dir', target, '--json', 'archive', 'list'])).stdout);
    expect(list.map((s) => s.id).sort()).toEqual([r1.id, r2.id].sort());
    const again = await cli(['--data-dir', target, 'archive', 'import', bundle]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^imported 0 records\n/);
    expect(again.stdout).toContain(`= ${r1.id}\talready here`);
  });

  it('a record that conflicts with a different one of the same id → exit 3, listed; the others import', async () => {
    // Same seed and clock as the source: the first record gets r1's id, with other answers.
    const twin = archiveHost(makeTempDir('pledge-cli-x-twin-'));
    let result: BundleExportResult;
    let bytes: Uint8Array;
    try {
      expect((await twin.sign({ values: { ...VALID_VALUES, 'pre-2': '拼多多' } })).id).toBe(r1.id);
      result = ok<BundleExportResult>(await twin.host.dispatch('archive.exportBundle', { all: true }));
      bytes = twin.host.readBlob(result.blobId)?.bytes as Uint8Array;
    } finally {
      twin.host.close();
    }
    const path = join(files, 'twin.pledgebundle');
    writeFileSync(path, bytes);
    const r = await cli(['--data-dir', target, '--json', 'archive', 'import', path]);
    expect(r.code).toBe(3);
    expect(json<BundleImportResult>(r.stdout).skipped).toEqual([{ id: r1.id, reason: 'conflict' }]);
    expect(r.stderr).toBe('');
  });

  it('a damaged bundle → exit 2 BUNDLE_INVALID naming the file; a newer one → exit 2 BUNDLE_NEWER_VERSION; nothing imported', async () => {
    const fresh = makeTempDir('pledge-cli-x-fresh-');
    const damaged = join(files, 'damaged.pledgebundle');
    writeFileSync(
      damaged,
      editBundle(readFileSync(bundle), (entries) => {
        const name = `archive/${r2.fileSha256}.pdf`;
        const pdf = new Uint8Array(entries.get(name) as Uint8Array);
        pdf[100] = (pdf[100] ?? 0) ^ 0xff;
        entries.set(name, pdf);
      }),
    );
    const newer = join(files, 'newer.pledgebundle');
    writeFileSync(newer, editBundle(readFileSync(bundle), (_e, manifest) => void (manifest.formatVersion = 9)));
    for (const [file, code] of [
      [damaged, 'BUNDLE_INVALID'],
      [newer, 'BUNDLE_NEWER_VERSION'],
      [join(files, 'absent.pledgebundle'), 'VALIDATION'],
    ]) {
      const r = await cli(['--data-dir', fresh, '--json', 'archive', 'import', file as string]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: ${code}: `));
      expect(r.stdout).toBe('');
    }
    expect((await cli(['--data-dir', fresh, '--json', 'archive', 'import', damaged])).stderr).toContain(`archive/${r2.fileSha256}.pdf`);
    expect(json<ArchiveSummary[]>((await cli(['--data-dir', fresh, '--json', 'archive', 'list'])).stdout)).toEqual([]);
  });
});

describe('pledge backup', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = makeTempDir('pledge-cli-x-backup-');
    expect((await cli(['--data-dir', dataDir, 'archive', 'import', bundle])).code).toBe(0);
  });

  it('the first command on a data folder took an automatic backup; backup list --json shows it', async () => {
    const r = await cli(['--data-dir', dataDir, '--json', 'backup', 'list']);
    expect(r.code).toBe(0);
    const list = json<BackupInfo[]>(r.stdout);
    expect(list.map((b) => b.kind)).toEqual(['automatic']);
  });

  it('backup create --out FILE --json → exit 0; a manual backup in the folder and a copy at --out', async () => {
    const out = join(files, 'copy.db');
    const r = await cli(['--data-dir', dataDir, '--json', 'backup', 'create', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const backup = json<BackupInfo & { out: string }>(r.stdout);
    expect(backup).toMatchObject({ kind: 'manual', out });
    expect(readFileSync(out).equals(readFileSync(backup.path))).toBe(true);
  });

  it('a sound database: backup restore → exit 2 DB_NOT_DAMAGED, nothing changed', async () => {
    const before = readFileSync(join(dataDir, 'pledge-desk.db'));
    const r = await cli(['--data-dir', dataDir, 'backup', 'restore']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: DB_NOT_DAMAGED: .*--force/);
    expect(readFileSync(join(dataDir, 'pledge-desk.db')).equals(before)).toBe(true);
  });

  it('a damaged database: every command exits 1 DB_CORRUPT with a line naming the restore command; backup list still works', async () => {
    damage(dataDir);
    const r = await cli(['--data-dir', dataDir, 'archive', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: DB_CORRUPT: /);
    expect(r.stderr).toContain(`\nrestore: pledge --data-dir "${dataDir}" backup restore   (restores pledge-desk-`);
    expect(r.stdout).toBe('');
    const list = await cli(['--data-dir', dataDir, '--json', 'backup', 'list']);
    expect(list.code).toBe(0);
    expect(json<BackupInfo[]>(list.stdout)).toHaveLength(2);
    expect(readFileSync(join(dataDir, 'pledge-desk.db')).equals(GARBAGE)).toBe(true);
  });

  it('backup restore --json → exit 0; the damaged file is kept aside and the archive is back', async () => {
    const r = await cli(['--data-dir', dataDir, '--json', 'backup', 'restore']);
    expect(r.code, r.stderr).toBe(0);
    const result = json<RestoreResult>(r.stdout);
    expect(result.restored.kind).toBe('manual');
    expect(readFileSync(result.movedAside[0] as string).equals(GARBAGE)).toBe(true);
    const list = json<ArchiveSummary[]>((await cli(['--data-dir', dataDir, '--json', 'archive', 'list'])).stdout);
    expect(list.map((s) => s.id).sort()).toEqual([r1.id, r2.id].sort());
  });

  it('no backup to restore → exit 1 BACKUP_NOT_FOUND; the damaged file stays', async () => {
    const bare = makeTempDir('pledge-cli-x-bare-');
    writeFileSync(join(bare, 'pledge-desk.db'), GARBAGE);
    const r = await cli(['--data-dir', bare, 'backup', 'restore']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: BACKUP_NOT_FOUND: /);
    const listed = await cli(['--data-dir', bare, 'template', 'list']);
    expect(listed.stderr).toContain('restore: there is no backup to restore');
    expect(readFileSync(join(bare, 'pledge-desk.db')).equals(GARBAGE)).toBe(true);
  });
});

describe('pledge serve on a damaged database', () => {
  it('without --recover: exit 1 DB_CORRUPT, no URL, and the restore line', async () => {
    const dataDir = makeTempDir('pledge-cli-x-serve-');
    expect((await cli(['--data-dir', dataDir, 'archive', 'import', bundle])).code).toBe(0);
    damage(dataDir);
    const r = await cli(['--data-dir', dataDir, 'serve', '--port', '0', '--no-open']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: DB_CORRUPT: [^\n]*\nrestore: pledge --data-dir /);
  });

  it('with --recover: serves a recovery host; the page can restore the latest backup and carry on', async () => {
    const dataDir = makeTempDir('pledge-cli-x-serve-');
    expect((await cli(['--data-dir', dataDir, 'archive', 'import', bundle])).code).toBe(0);
    expect((await cli(['--data-dir', dataDir, 'backup', 'create'])).code).toBe(0);
    damage(dataDir);
    const [node, ...args] = serveCommand(dataDir);
    const server = await waitForUrl(spawn(node as string, [...args, '--recover'], { env: cliEnv(home), stdio: ['ignore', 'pipe', 'pipe'] }));
    try {
      const info = (await callApi(server, 'app.info', {}))?.body.value as AppInfo;
      expect(info).toMatchObject({ mode: 'browser', recovery: { code: 'DB_CORRUPT', latestBackup: { kind: 'manual' } } });
      expect((await callApi(server, 'archive.list', {}))?.body.error?.code).toBe('DB_CORRUPT');
      expect((await callApi(server, 'backup.restore', {}))?.body.ok).toBe(true);
      const list = (await callApi(server, 'archive.list', {}))?.body.value as ArchiveSummary[];
      expect(list.map((s) => s.id).sort()).toEqual([r1.id, r2.id].sort());
      expect(server.stderr()).toMatch(/recovery mode/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
