import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, FinalizeResult, VerifyAllResult } from '../../electron/shared/dto';
import { PERSONAL_SIGNER, archiveHost } from '../support/archive-host';
import { sha256 } from '../support/jcs';
import { runCli } from '../support/run-cli';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

/**
 * Issue 6, CLI: `pledge archive list|search QUERY|show ID|verify FILE|verify --all|register --out FILE`, with
 * --json shapes and the exit codes of verify (0 exact, 3 modified copy or failed check, 4 unknown, 2 not a PDF).
 */

let home: string;
let files: string;
let dataDir: string;
let r1: FinalizeResult;
let r2: FinalizeResult;

const cli = (args: string[]) => runCli(['--data-dir', dataDir, ...args], { home });
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;
const PHONE = PERSONAL_SIGNER.phone as string;
const LIST_KEYS = ['id', 'title', 'signer', 'signedAt', 'fileSha256'];

beforeAll(async () => {
  home = makeTempDir('pledge-cli-a-home-');
  files = makeTempDir('pledge-cli-a-files-');
  dataDir = makeTempDir('pledge-cli-a-data-');
  const a = archiveHost(dataDir);
  try {
    r1 = await a.sign({ signer: PERSONAL_SIGNER });
    r2 = await a.sign({ signer: { type: '企业', name: '赵六', organisation: '宁波某某电器' } });
    await a.host.autoBackup;
  } finally {
    a.host.close();
  }
});

afterAll(removeTempDirs);

const archived = (r: FinalizeResult): Uint8Array => new Uint8Array(readFileSync(join(dataDir, 'archive', `${r.fileSha256}.pdf`)));

describe('pledge archive list and search', () => {
  it('list --json prints exactly [{id, title, signer, signedAt, fileSha256}], newest first', async () => {
    const r = await cli(['--json', 'archive', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<Array<Record<string, string>>>(r.stdout);
    expect(rows.map((row) => Object.keys(row))).toEqual([LIST_KEYS, LIST_KEYS]);
    expect(rows.map((row) => row.id)).toEqual([r2.id, r1.id]);
    expect(rows[0]).toMatchObject({ signer: '赵六', fileSha256: r2.fileSha256 });
  });

  it('search QUERY --json prints the same shape for the matches only; several words must all occur', async () => {
    const r = await cli(['--json', 'archive', 'search', '赵六']);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<Array<Record<string, string>>>(r.stdout);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(LIST_KEYS);
    expect(rows[0]).toMatchObject({ id: r2.id, signer: '赵六', fileSha256: r2.fileSha256 });
    expect(json<unknown[]>((await cli(['--json', 'archive', 'search', '赵六', '宁波'])).stdout)).toHaveLength(1);
    expect(json<unknown[]>((await cli(['--json', 'archive', 'search', '赵六', '张三'])).stdout)).toEqual([]);
  });

  it('search without --json prints one line per match; no query → exit 2 USAGE', async () => {
    const r = await cli(['archive', 'search', r1.id]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain(r1.id);
    const none = await cli(['archive', 'search']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: USAGE: /);
  });
});

describe('pledge archive show', () => {
  it('--json: the record with its events, personal data masked', async () => {
    const r = await cli(['--json', 'archive', 'show', r1.id]);
    expect(r.code, r.stderr).toBe(0);
    const record = json<ArchiveRecord>(r.stdout);
    expect(record).toMatchObject({ id: r1.id, fileSha256: r1.fileSha256, contentHash: r1.contentHash, status: 'valid', personalData: 'masked' });
    expect(record.signerDetails.phone).toBe('138****5678');
    expect(record.events.map((e) => e.kind)).toEqual(['signed']);
    expect(r.stdout).not.toContain(PHONE);
  });

  it('--reveal shows the full numbers; the human text names signer, hashes and events', async () => {
    const revealed = json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r1.id, '--reveal'])).stdout);
    expect(revealed).toMatchObject({ personalData: 'revealed', signerDetails: { phone: PHONE, idNumber: PERSONAL_SIGNER.idNumber } });
    const human = await cli(['archive', 'show', r1.id]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(r1.fileSha256);
    expect(human.stdout).toContain('138****5678');
    expect(human.stdout).toMatch(/events:\n\s+1\t.*\tsigned/);
  });

  it('--reveal is logged: one revealed event {via: cli, fields} per reveal, none for a masked show or a record without personal data', async () => {
    const before = json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r1.id])).stdout).events;
    const revealed = json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r1.id, '--reveal'])).stdout);
    expect(revealed.events).toHaveLength(before.length + 1);
    expect(revealed.events.at(-1)).toMatchObject({ kind: 'revealed', recordId: r1.id, details: { via: 'cli', fields: ['signer.idNumber', 'signer.phone', 'signer.address'] } });
    const human = await cli(['archive', 'show', r1.id]);
    expect(human.stdout).toMatch(new RegExp(`\\n\\s+${before.length + 1}\\t\\S+\\trevealed\\t\\{"fields":\\["signer.idNumber"`));
    expect(human.stdout).not.toContain(PHONE);
    expect(json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r1.id])).stdout).events).toHaveLength(before.length + 1);
    const none = json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r2.id, '--reveal'])).stdout);
    expect(none.personalData).toBe('none');
    expect(none.events.map((e) => e.kind)).toEqual(['signed']);
  });

  it('an unknown id → exit 2 ARCHIVE_NOT_FOUND; no id → exit 2 USAGE', async () => {
    const unknown = await cli(['--json', 'archive', 'show', 'PD-20990101-NOPE0000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: ARCHIVE_NOT_FOUND: /);
    expect(unknown.stdout).toBe('');
    expect((await cli(['archive', 'show'])).code).toBe(2);
  });
});

describe('pledge archive verify FILE', () => {
  it('the archived PDF itself → exit 0, {"status":"exact","recordId"}', async () => {
    const file = join(files, 'exact.pdf');
    writeFileSync(file, archived(r1));
    const r = await cli(['--json', 'archive', 'verify', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toEqual({ status: 'exact', recordId: r1.id });
    expect(r.stdout.indexOf('"status"')).toBeLessThan(r.stdout.indexOf('"recordId"'));
  });

  it('an edited copy carrying the document id → exit 3, {"status":"modified","recordId"}', async () => {
    const doc = await PDFDocument.load(archived(r2), { updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPage(0).drawRectangle({ x: 300, y: 500, width: 40, height: 14, color: rgb(1, 1, 1) });
    doc.getPage(0).drawText('99', { x: 302, y: 502, size: 12, font });
    const file = join(files, 'edited.pdf');
    writeFileSync(file, await doc.save());
    const r = await cli(['--json', 'archive', 'verify', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(json(r.stdout)).toEqual({ status: 'modified', recordId: r2.id });
    const human = await cli(['archive', 'verify', file]);
    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(new RegExp(`^modified: a copy of ${r2.id}`));
  });

  it('a PDF that names no record here → exit 4, {"status":"unknown"}', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Some other contract');
    const file = join(files, 'other.pdf');
    writeFileSync(file, await doc.save());
    const r = await cli(['--json', 'archive', 'verify', file]);
    expect(r.code, r.stderr).toBe(4);
    expect(json(r.stdout)).toEqual({ status: 'unknown' });
  });

  it('a file that is not a PDF (even a picture) → exit 2 with an error line and nothing on stdout', async () => {
    for (const [name, bytes] of [
      ['notes.txt', Buffer.from('hello\n')],
      ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ] as const) {
      const file = join(files, name);
      writeFileSync(file, bytes);
      const r = await cli(['--json', 'archive', 'verify', file]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/^error: PDF_NOT_PDF: .* is not a PDF\n$/);
      expect(r.stdout).toBe('');
    }
    for (const path of [join(files, 'nope.pdf'), files]) {
      const missing = await cli(['archive', 'verify', path]);
      expect(missing.code, path).toBe(2);
      expect(missing.stderr).toMatch(/^error: VALIDATION: no file /);
    }
  });

  it('leaves no upload behind in the data folder', () => {
    expect(readdirSync(join(dataDir, 'blobs'))).toEqual([]);
  });
});

describe('pledge archive verify --all', () => {
  it('exit 0 when everything verifies; exit 3 naming the record whose stored PDF had a byte flipped', async () => {
    const dir = makeTempDir('pledge-cli-a-flip-');
    const a = archiveHost(dir, 11);
    let good: FinalizeResult;
    let bad: FinalizeResult;
    try {
      good = await a.sign();
      bad = await a.sign();
      await a.host.autoBackup;
    } finally {
      a.host.close();
    }
    const fine = await runCli(['--data-dir', dir, '--json', 'archive', 'verify', '--all'], { home });
    expect(fine.code, fine.stderr).toBe(0);
    expect(json<VerifyAllResult>(fine.stdout)).toMatchObject({ checked: 2, failures: [] });
    const path = join(dir, 'archive', `${bad.fileSha256}.pdf`);
    const bytes = readFileSync(path);
    bytes[1000] = (bytes[1000] as number) ^ 0x01;
    writeFileSync(path, bytes);
    const failed = await runCli(['--data-dir', dir, '--json', 'archive', 'verify', '--all'], { home });
    expect(failed.code).toBe(3);
    expect(json<VerifyAllResult>(failed.stdout).failures).toEqual([{ recordId: bad.id, problem: 'pdf-altered', message: expect.any(String) }]);
    const human = await runCli(['--data-dir', dir, 'archive', 'verify', '--all'], { home });
    expect(human.code).toBe(3);
    expect(human.stdout).toContain(`FAILED ${bad.id}\tpdf-altered`);
    expect(human.stdout).not.toContain(good.id);
  });
});

describe('pledge archive register', () => {
  it('--out FILE.csv: every record, masked, UTF-8 with BOM; --json names the file', async () => {
    const out = join(files, '台账.csv');
    const r = await cli(['--json', 'archive', 'register', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(json(r.stdout)).toEqual({ out, format: 'csv', records: 2, bytes: bytes.length, sha256: sha256(bytes), revealed: 0 });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text).toContain('138****5678');
    expect(text).not.toContain(PHONE);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  it('--out FILE.xlsx IDS --reveal: only those records, in full, and an audit event on the record shown', async () => {
    const out = join(files, 'register.XLSX');
    const r = await cli(['--json', 'archive', 'register', '--out', out, r1.id, '--reveal']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({ format: 'xlsx', records: 1, revealed: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).map(String);
    expect(values).toContain(r1.id);
    expect(values).toContain(PHONE);
    const record = json<ArchiveRecord>((await cli(['--json', 'archive', 'show', r1.id])).stdout);
    expect(record.events.at(-1)).toMatchObject({ kind: 'exported', details: { register: json<{ sha256: string }>(r.stdout).sha256, format: 'xlsx', personalData: true } });
  });

  it('another extension, no --out, or an unknown id → exit 2, no file written', async () => {
    for (const [args, code] of [
      [['archive', 'register', '--out', join(files, 'r.xls')], 'USAGE'],
      [['archive', 'register', '--out', join(files, 'register')], 'USAGE'],
      [['archive', 'register'], 'USAGE'],
      [['archive', 'register', '--out', join(files, 'r.csv'), 'PD-20990101-NOPE0000'], 'ARCHIVE_NOT_FOUND'],
    ] as Array<[string[], string]>) {
      const r = await cli(['--json', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: ${code}: `));
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(files).filter((f) => /^r\.|^register$/.test(f))).toEqual([]);
  });
});

describe('the archive after all these commands', () => {
  it('still verifies: reads, verifications and registers changed nothing but append audit events', async () => {
    const r = await cli(['--json', 'archive', 'verify', '--all']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<VerifyAllResult>(r.stdout)).toMatchObject({ checked: 2, failures: [] });
  });
});
