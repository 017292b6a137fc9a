import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, FinalizeResult, RegisterExportResult } from '../../electron/shared/dto';
import type { Host } from '../../electron/host/host';
import { REGISTER_COLUMNS } from '../../electron/core/archive/register/register-columns';
import { PERSONAL_SIGNER, archiveHost } from '../support/archive-host';
import { sha256 } from '../support/jcs';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { createTestHost, err, ok } from '../support/test-host';

/**
 * Issue 6, register (台账): "Export a register of the selected records as CSV and XLSX"; personal data "is
 * masked in … registers unless the user asks to show it". The XLSX is read back with exceljs.
 */

const PHONE = PERSONAL_SIGNER.phone as string;
const ID_NUMBER = PERSONAL_SIGNER.idNumber as string;
const col = (key: string): number => REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;

let dataDir: string;
let host: Host;
let r1: FinalizeResult;
let r2: FinalizeResult;
let r3: FinalizeResult;

beforeAll(async () => {
  dataDir = makeTempDir('pledge-register-');
  const a = archiveHost(dataDir);
  try {
    r1 = await a.sign({ signer: PERSONAL_SIGNER });
    r2 = await a.sign();
    r3 = await a.sign({ signer: { ...PERSONAL_SIGNER, name: '=HYPERLINK("http://x","点我")' } });
    ok(await a.host.dispatch('archive.void', { id: r2.id, reason: '签错模板' }));
  } finally {
    a.host.close();
  }
  // A host without a save dialog, as behind `pledge serve`: the renderer downloads the file.
  host = createTestHost(dataDir).host;
});

afterAll(() => {
  host.close();
  removeTempDirs();
});

async function register(input: Record<string, unknown>): Promise<{ result: RegisterExportResult; bytes: Uint8Array }> {
  const result = ok<RegisterExportResult>(await host.dispatch('archive.register', input));
  const blob = host.readBlob(result.blobId);
  if (!blob) throw new Error('the register is not readable through the blob route');
  return { result, bytes: blob.bytes };
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

describe('archive.register as XLSX', () => {
  it('has a frozen bold header row, column widths, one row per record oldest first, masked personal data', async () => {
    const { result, bytes } = await register({ format: 'xlsx' });
    expect(result).toMatchObject({ format: 'xlsx', records: 3, revealed: 0, bytes: bytes.length, blobId: sha256(bytes), url: `/blobs/${sha256(bytes)}` });
    expect(result.fileName).toBe('台账-20261128-3.xlsx');
    expect(result.path).toBeUndefined();
    const sheet = await readXlsx(bytes);
    expect(sheet.name).toBe('承诺书台账');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    const header = sheet.getRow(1);
    expect(REGISTER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    expect(header.font?.bold).toBe(true);
    expect(sheet.getColumn(col('fileSha256')).width).toBe(66);
    const ids = [2, 3, 4].map((n) => sheet.getRow(n).getCell(col('id')).value);
    expect(ids).toEqual([r1.id, r2.id, r3.id]);
    const first = sheet.getRow(2);
    expect(first.getCell(col('seq')).value).toBe(1);
    expect(first.getCell(col('phone')).value).toBe('138****5678');
    expect(first.getCell(col('idNumber')).value).toBe('110***********4514');
    expect(first.getCell(col('fileSha256')).value).toBe(r1.fileSha256);
    expect(first.getCell(col('contentHash')).value).toBe(r1.contentHash);
    expect(first.getCell(col('code')).value).toBe(`${r1.id}-${r1.contentHash.slice(0, 12)}`);
    expect(sheet.getRow(3).getCell(col('status')).value).toBe('已作废');
    expect(Buffer.from(bytes).includes(PHONE)).toBe(false);
  });

  it('the pledge date is a real date (yyyy-mm-dd), the signing instant ISO text; a formula-like name stays text', async () => {
    const { bytes } = await register({ format: 'xlsx', ids: [r3.id] });
    const row = (await readXlsx(bytes)).getRow(2);
    const date = row.getCell(col('date'));
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    const record = ok<ArchiveRecord>(await host.dispatch('archive.get', { id: r3.id }));
    expect((date.value as Date).toISOString()).toBe(`${record.date}T00:00:00.000Z`);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    const signedAt = row.getCell(col('signedAt'));
    expect(signedAt.type).toBe(ExcelJS.ValueType.String);
    expect(signedAt.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const signer = row.getCell(col('signer'));
    expect(signer.type).toBe(ExcelJS.ValueType.String);
    expect(signer.value).toBe('=HYPERLINK("http://x","点我")');
  });

  it('reveal: full ID and phone numbers, and an `exported` event on each record shown', async () => {
    const { result, bytes } = await register({ format: 'xlsx', ids: [r1.id, r2.id], reveal: true });
    expect(result).toMatchObject({ records: 2, revealed: 1 });
    const sheet = await readXlsx(bytes);
    expect(sheet.getRow(2).getCell(col('phone')).value).toBe(PHONE);
    expect(sheet.getRow(2).getCell(col('idNumber')).value).toBe(ID_NUMBER);
    const events = ok<ArchiveRecord>(await host.dispatch('archive.get', { id: r1.id })).events;
    expect(events.at(-1)).toMatchObject({ kind: 'exported', details: { register: result.blobId, format: 'xlsx', personalData: true } });
    // r2 has no personal data: nothing was revealed, nothing logged.
    expect(ok<ArchiveRecord>(await host.dispatch('archive.get', { id: r2.id })).events.map((e) => e.kind)).toEqual(['signed', 'voided']);
  });
});

describe('archive.register as CSV', () => {
  it('UTF-8 with BOM, CRLF, formula-injection defence, masked unless revealed', async () => {
    const { result, bytes } = await register({ format: 'csv' });
    expect(result.fileName).toBe('台账-20261128-3.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.split(',')[0]).toBe('序号');
    expect(lines[3]).toContain('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(text).not.toContain(PHONE);
    expect(text).toContain('138****5678');
  });

  it('a filter lists every record the search finds', async () => {
    const { result, bytes } = await register({ format: 'csv', filter: { status: 'void' } });
    expect(result.records).toBe(1);
    expect(new TextDecoder().decode(bytes)).toContain(r2.id);
  });
});

describe('archive.register refusals and clean-up', () => {
  it('an unknown id → ARCHIVE_NOT_FOUND; ids and filter together, or a bad format → VALIDATION', async () => {
    expect(err(await host.dispatch('archive.register', { format: 'csv', ids: ['PD-20990101-NOPE0000'] })).code).toBe('ARCHIVE_NOT_FOUND');
    expect(err(await host.dispatch('archive.register', { format: 'csv', ids: [r1.id], filter: {} })).code).toBe('VALIDATION');
    expect(err(await host.dispatch('archive.register', { format: 'xls' })).code).toBe('VALIDATION');
    expect(err(await host.dispatch('archive.register', { format: 'csv', ids: [] })).code).toBe('VALIDATION');
  });

  it('registers waiting for download are gone after a redaction and after a restart', async () => {
    const { result } = await register({ format: 'csv', reveal: true });
    expect(existsSync(join(dataDir, 'exports', `${result.blobId}.csv`))).toBe(true);
    ok(await host.dispatch('archive.redact', { id: r3.id, reason: '本人申请删除' }));
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
    expect(host.readBlob(result.blobId)).toBeNull();
  });
});

describe('archive.register in the desktop app (save dialog)', () => {
  it('asks where to save, logs the reveal only when saved, and keeps no copy in the data folder', async () => {
    const dir = makeTempDir('pledge-register-desktop-');
    const a = archiveHost(dir);
    try {
      const r = await a.sign({ signer: PERSONAL_SIGNER });
      a.answers.path = null;
      const cancelled = ok<RegisterExportResult>(await a.host.dispatch('archive.register', { format: 'csv', reveal: true }));
      expect(cancelled).toMatchObject({ path: null, revealed: 0 });
      expect(a.calls.save.at(-1)).toEqual(['台账-20261128-1.csv', cancelled.blobId]);
      a.answers.path = '/home/user/台账.csv';
      const saved = ok<RegisterExportResult>(await a.host.dispatch('archive.register', { format: 'csv', reveal: true }));
      expect(saved).toMatchObject({ path: '/home/user/台账.csv', revealed: 1 });
      const kinds = ok<ArchiveRecord>(await a.host.dispatch('archive.get', { id: r.id })).events.map((e) => e.kind);
      expect(kinds).toEqual(['signed', 'exported']);
      expect(readdirSync(join(dir, 'exports'))).toEqual([]);
    } finally {
      a.host.close();
    }
  });
});
