import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, TemplateSummary } from '../../electron/shared/dto';
import { METHOD_NAMES } from '../../electron/shared/method-names';
import type { Template } from '../../electron/shared/template';
import { createHost } from '../../electron/host/create-host';
import { sha256 } from '../support/jcs';
import { makeSignaturePng } from '../support/make-png';
import { RESOURCES_DIR } from '../support/paths';
import { runCli } from '../support/run-cli';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, ok } from '../support/test-host';

let home: string;
let files: string;

beforeAll(() => {
  home = makeTempDir('pledge-cli-home-');
  files = makeTempDir('pledge-cli-files-');
  writeFileSync(join(files, 'values.json'), JSON.stringify(VALID_VALUES));
  writeFileSync(join(files, 'signer.json'), JSON.stringify(SIGNER));
  writeFileSync(join(files, 'signature.png'), makeSignaturePng());
  writeFileSync(join(files, 'unknown-field.json'), JSON.stringify({ ...VALID_VALUES, 'c9.9-1': '3' }));
  writeFileSync(join(files, 'bad-percent.json'), JSON.stringify({ ...VALID_VALUES, 'c2.2-1': '150' }));
  writeFileSync(join(files, 'broken.json'), '{"c2.2-1": ');
});

afterAll(removeTempDirs);

const dataDir = (): string => makeTempDir('pledge-cli-data-');
const cli = (args: string[], env?: Record<string, string>) => runCli(args, { home, ...(env ? { env } : {}) });
const fillArgs = (dir: string, values: string, out: string): string[] => [
  '--data-dir', dir, 'fill', '--template', TEMPLATE_ID,
  '--values', join(files, values), '--signer', join(files, 'signer.json'), '--signature', join(files, 'signature.png'),
  '--date', '2026-11-28', '--out', out,
];

describe('pledge CLI: usage', () => {
  it('--help → exit 0 with the usage on stdout', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: pledge [--data-dir DIR] [--json] <command>');
    expect(r.stderr).toBe('');
  });

  it('an unknown command → exit 2 with "error: USAGE:" on stderr, nothing on stdout', async () => {
    const r = await cli(['--data-dir', dataDir(), 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: USAGE: /);
    expect(r.stdout).toBe('');
  });

  it('an unknown flag → exit 2 USAGE', async () => {
    const r = await cli(['--data-dir', dataDir(), 'template', 'list', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: USAGE: /);
  });
});

describe('pledge CLI: templates and schema', () => {
  it('template list --json prints a JSON array with the built-in template', async () => {
    const r = await cli(['--data-dir', dataDir(), '--json', 'template', 'list']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as TemplateSummary[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.find((t) => t.id === TEMPLATE_ID)).toMatchObject({ title: '网店经营服务保障承诺书', sectionCount: 5, fieldCount: 16 });
  });

  it('template show ecommerce-service --json prints the template', async () => {
    const r = await cli(['--data-dir', dataDir(), 'template', 'show', TEMPLATE_ID, '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as Template;
    expect(t).toMatchObject({ id: TEMPLATE_ID, title: '网店经营服务保障承诺书', warnings: [] });
    expect(t.version).toMatch(/^[0-9a-f]{64}$/);
    expect(t.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(t.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['pre-1', 'c2.2-1', 'signature-1', 'date-1']));
    expect(t.preamble.text).toContain('{{pre-1}}');
  });

  it('template show with an unknown id → exit 2 TEMPLATE_NOT_FOUND', async () => {
    const r = await cli(['--data-dir', dataDir(), '--json', 'template', 'show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: TEMPLATE_NOT_FOUND: /);
    expect(r.stdout).toBe('');
  });

  it('api schema prints a JSON Schema per method; signing.finalize requires draftId, signatures and date', async () => {
    const r = await cli(['--data-dir', dataDir(), 'api', 'schema']);
    expect(r.code).toBe(0);
    const schemas = JSON.parse(r.stdout) as Record<string, { required?: string[] }>;
    expect(Object.keys(schemas).sort()).toEqual([...METHOD_NAMES].sort());
    expect(schemas['signing.finalize']?.required).toEqual(expect.arrayContaining(['draftId', 'signatures', 'date']));
  });
});

describe('pledge CLI: fill', () => {
  let dir: string;
  let out: string;
  let result: { id: string; fileSha256: string; contentHash: string; out: string };

  beforeAll(async () => {
    dir = dataDir();
    out = join(makeTempDir('pledge-cli-out-'), 'signed.pdf');
    const r = await cli(['--json', ...fillArgs(dir, 'values.json', out)]);
    if (r.code !== 0) throw new Error(`fill failed (${r.code}): ${r.stderr}`);
    result = JSON.parse(r.stdout) as typeof result;
    expect(r.stdout.trim().startsWith('{')).toBe(true);
  });

  it('prints exactly one JSON document {id, fileSha256, contentHash, out}', () => {
    expect(Object.keys(result).sort()).toEqual(['contentHash', 'fileSha256', 'id', 'out']);
    expect(result.id).toMatch(/^PD-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(result.out).toBe(out);
  });

  it('writes --out with the archived PDF: its SHA-256 is fileSha256', () => {
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(bytes)).toBe(result.fileSha256);
  });

  it('archive list --json shows it, and createHost on the same folder sees the same record', async () => {
    const r = await cli(['--data-dir', dir, 'archive', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: result.id, title: '网店经营服务保障承诺书', signer: SIGNER.name, signedAt: expect.any(String), fileSha256: result.fileSha256 },
    ]);
    const host = createHost({ dataDir: dir, resourcesDir: RESOURCES_DIR });
    try {
      const record = ok<ArchiveRecord>(await host.dispatch('archive.get', { id: result.id }));
      expect(record).toMatchObject({ fileSha256: result.fileSha256, contentHash: result.contentHash, date: '2026-11-28' });
      expect(sha256(host.readBlob(result.fileSha256)?.bytes ?? new Uint8Array())).toBe(result.fileSha256);
    } finally {
      host.close();
    }
  });

  it('an unknown field id → exit 2, "error: UNKNOWN_FIELD: …" naming it, stdout empty even with --json', async () => {
    const target = join(makeTempDir(), 'never.pdf');
    const r = await cli(['--json', ...fillArgs(dataDir(), 'unknown-field.json', target)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: UNKNOWN_FIELD: .*c9\.9-1/);
    expect(r.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
  });

  it('an invalid percent → exit 2 INVALID_VALUE naming the field, nothing written', async () => {
    const target = join(makeTempDir(), 'never.pdf');
    const r = await cli(['--json', ...fillArgs(dataDir(), 'bad-percent.json', target)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: INVALID_VALUE: .*c2\.2-1/);
    expect(r.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
  });

  it('missing --out → exit 2 USAGE', async () => {
    const args = fillArgs(dataDir(), 'values.json', 'x.pdf');
    const r = await cli(args.slice(0, args.indexOf('--out')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: USAGE: .*--out/);
  });

  it('a values file that is not JSON → exit 2 VALIDATION', async () => {
    const r = await cli(fillArgs(dataDir(), 'broken.json', join(makeTempDir(), 'x.pdf')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: VALIDATION: --values/);
  });

  it('no signer → exit 2 MISSING_VALUE (signer.name)', async () => {
    const args = fillArgs(dataDir(), 'values.json', join(makeTempDir(), 'x.pdf'));
    args.splice(args.indexOf('--signer'), 2);
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: MISSING_VALUE: .*signer\.name/);
  });
});

describe('pledge CLI: data folder', () => {
  it('uses PLEDGE_DESK_HOME when --data-dir is absent', async () => {
    const dir = dataDir();
    const r = await cli(['template', 'list', '--json'], { PLEDGE_DESK_HOME: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'pledge-desk.db'))).toBe(true);
    expect(existsSync(join(home, '.local', 'share', 'pledge-desk'))).toBe(false);
  });

  it('prefers --data-dir over PLEDGE_DESK_HOME', async () => {
    const flagDir = dataDir();
    const envDir = dataDir();
    const r = await cli(['--data-dir', flagDir, 'template', 'list'], { PLEDGE_DESK_HOME: envDir });
    expect(r.code).toBe(0);
    expect(existsSync(join(flagDir, 'pledge-desk.db'))).toBe(true);
    expect(existsSync(join(envDir, 'pledge-desk.db'))).toBe(false);
  });

  it('falls back to $HOME/.local/share/pledge-desk on Linux', async () => {
    const ownHome = makeTempDir('pledge-cli-home2-');
    const r = await runCli(['template', 'list'], { home: ownHome });
    expect(r.code).toBe(0);
    expect(existsSync(join(ownHome, '.local', 'share', 'pledge-desk', 'pledge-desk.db'))).toBe(true);
  });

  it('a database from a newer version → exit 1 with "error: DB_NEWER_VERSION:", and it stays as it was', async () => {
    const dir = dataDir();
    const host = createHost({ dataDir: dir, resourcesDir: RESOURCES_DIR });
    host.close();
    const db = new Database(join(dir, 'pledge-desk.db'));
    db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00.000Z')").run();
    db.close();
    const before = readFileSync(join(dir, 'pledge-desk.db'));
    const r = await cli(['--data-dir', dir, '--json', 'template', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: DB_NEWER_VERSION: /);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'pledge-desk.db')).equals(before)).toBe(true);
  });

  it('a damaged database → exit 1 DB_CORRUPT', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'pledge-desk.db'), Buffer.alloc(8192, 0x5a));
    const r = await cli(['--data-dir', dir, 'template', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: DB_CORRUPT: /);
  });
});
