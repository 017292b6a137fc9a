import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEvent, ArchiveRecord, ArchiveSearchResult, ArchiveSummary, Draft, FinalizeResult, VerifyAllResult } from '../../electron/shared/dto';
import Database from 'better-sqlite3';
import { createHost } from '../../electron/host/create-host';
import { PERSONAL_SIGNER, archiveHost, type ArchiveHost } from '../support/archive-host';
import { RESOURCES_DIR } from '../support/paths';
import { makeSignaturePng } from '../support/make-png';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, err, ok } from '../support/test-host';

let dataDir: string;
let a: ArchiveHost;
let personal: FinalizeResult;
let plain: FinalizeResult;

const get = async (id: string, reveal?: boolean): Promise<ArchiveRecord> => ok<ArchiveRecord>(await a.host.dispatch('archive.get', { id, ...(reveal ? { reveal } : {}) }));
const kinds = async (id: string): Promise<string[]> => (await get(id)).events.map((e) => e.kind);

beforeAll(async () => {
  dataDir = makeTempDir('pledge-ledger-');
  a = archiveHost(dataDir);
  personal = await a.sign({ signer: PERSONAL_SIGNER });
  plain = await a.sign();
});

afterAll(() => {
  a.host.close();
  removeTempDirs();
});

describe('signing writes the record, its personal data and its signed event together', () => {
  it('opens the record with a signed event that chains to the previous one', async () => {
    const [first, second] = [(await get(personal.id)).events, (await get(plain.id)).events] as [ArchiveEvent[], ArchiveEvent[]];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ seq: 1, kind: 'signed', recordId: personal.id, prevHash: '0'.repeat(64), details: { fileSha256: personal.fileSha256, contentHash: personal.contentHash } });
    expect(first[0]?.details.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second[0]).toMatchObject({ seq: 2, kind: 'signed', prevHash: first[0]?.hash });
  });

  it('masks ID and phone numbers and the address unless asked to reveal them', async () => {
    const masked = await get(personal.id);
    expect(masked).toMatchObject({ status: 'valid', personalData: 'masked', signerType: '企业', supersededBy: null, scans: [] });
    expect(masked.signerDetails).toEqual({ ...SIGNER, idNumber: '110***********4514', phone: '138****5678', address: '浙江省杭州****' });
    const revealed = await get(personal.id, true);
    expect(revealed.signerDetails).toEqual(PERSONAL_SIGNER);
    expect(revealed.personalData).toBe('revealed');
    expect((await get(plain.id)).personalData).toBe('none');
  });

  it('lists and searches without personal data', async () => {
    const list = ok<ArchiveSummary[]>(await a.host.dispatch('archive.list', {}));
    const found = ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { query: SIGNER.name }));
    expect(found.total).toBe(2);
    expect(found.items.map((i) => i.id)).toEqual([plain.id, personal.id]);
    expect(found.items[1]).toMatchObject({ status: 'valid', signerType: '企业', templateId: 'ecommerce-service', organisation: SIGNER.organisation });
    for (const text of [JSON.stringify(list), JSON.stringify(found)]) {
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('110101199003074514');
      expect(text).not.toContain('文三路');
    }
    expect(ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { query: '13812345678' })).total).toBe(0);
  });
});

describe('printing and saving copies are audit events', () => {
  it('a print appends printed {copies, copyMark, via}; a cancelled print appends nothing', async () => {
    expect(ok(await a.host.dispatch('archive.print', { id: plain.id, copies: 3 }))).toEqual({ printed: true });
    a.answers.printed = false;
    expect(ok(await a.host.dispatch('archive.print', { id: plain.id }))).toEqual({ printed: false });
    a.answers.printed = true;
    const events = (await get(plain.id)).events;
    expect(events.map((e) => [e.kind, e.details])).toEqual([
      ['signed', expect.any(Object)],
      ['printed', { copies: 3, copyMark: false, via: 'desktop' }],
    ]);
    expect(events[1]?.at).toBe(a.clock().toISOString());
  });

  it('a saved copy appends exported; a cancelled save appends nothing', async () => {
    ok(await a.host.dispatch('archive.export', { id: plain.id }));
    a.answers.path = null;
    ok(await a.host.dispatch('archive.export', { id: plain.id }));
    a.answers.path = '/home/user/pledge.pdf';
    expect(await kinds(plain.id)).toEqual(['signed', 'printed', 'exported']);
  });
});

describe('void, supersede and scans', () => {
  let voided: FinalizeResult;
  let corrected: FinalizeResult;
  let correction: FinalizeResult;

  beforeAll(async () => {
    voided = await a.sign();
    corrected = await a.sign();
    correction = await a.sign({ supersedes: corrected.id });
  });

  it('void appends voided {reason}; the record and its PDF stay; voiding twice is refused', async () => {
    const { event } = ok<{ event: ArchiveEvent }>(await a.host.dispatch('archive.void', { id: voided.id, reason: '填写有误' }));
    expect(event).toMatchObject({ kind: 'voided', recordId: voided.id, details: { reason: '填写有误' } });
    expect(await get(voided.id)).toMatchObject({ status: 'void' });
    expect(a.host.readBlob(voided.fileSha256)).not.toBeNull();
    expect(err(await a.host.dispatch('archive.void', { id: voided.id, reason: '再次' })).code).toBe('ARCHIVE_VOIDED');
    expect(err(await a.host.dispatch('archive.void', { id: voided.id, reason: '   ' })).code).toBe('VALIDATION');
    const found = ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { status: 'void' }));
    expect(found.items.map((i) => i.id)).toEqual([voided.id]);
  });

  it('signing with supersedes marks the corrected record superseded by the new one, in the same transaction', async () => {
    expect(await get(corrected.id)).toMatchObject({ status: 'superseded', supersededBy: correction.id });
    expect((await get(corrected.id)).events.at(-1)).toMatchObject({ kind: 'superseded', details: { by: correction.id } });
    expect(await get(correction.id)).toMatchObject({ status: 'valid', supersededBy: null });
  });

  it('supersede refuses a record superseded already, itself, an older record, a cycle and unknown ids', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ id: corrected.id, by: plain.id }, 'SUPERSEDE_INVALID'],
      [{ id: plain.id, by: plain.id }, 'SUPERSEDE_INVALID'],
      [{ id: correction.id, by: plain.id }, 'SUPERSEDE_INVALID'],
      [{ id: correction.id, by: corrected.id }, 'SUPERSEDE_INVALID'],
      [{ id: 'PD-20261128-00000000', by: plain.id }, 'ARCHIVE_NOT_FOUND'],
    ];
    for (const [input, code] of cases) expect(err(await a.host.dispatch('archive.supersede', input)).code, JSON.stringify(input)).toBe(code);
    const draft = ok<{ id: string }>(await a.host.dispatch('drafts.create', { templateId: 'ecommerce-service' }));
    expect(err(await a.host.dispatch('signing.finalize', { draftId: draft.id, signatures: {}, date: '2026-11-28', supersedes: 'PD-20261128-00000000' })).code).toBe(
      'ARCHIVE_NOT_FOUND',
    );
  });

  it('archive.supersede links two existing records with a reason', async () => {
    const { event } = ok<{ event: ArchiveEvent }>(await a.host.dispatch('archive.supersede', { id: plain.id, by: correction.id, reason: '信息更新' }));
    expect(event).toMatchObject({ kind: 'superseded', recordId: plain.id, details: { by: correction.id, reason: '信息更新' } });
  });

  it('attachScan stores a PNG, JPEG or PDF under its hash and appends scan-attached; other bytes are refused', async () => {
    const png = makeSignaturePng(400, 300);
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(png));
    const result = ok<{ event: ArchiveEvent; scan: { sha256: string } }>(await a.host.dispatch('archive.attachScan', { id: personal.id, blobId }));
    expect(result.event).toMatchObject({ kind: 'scan-attached', details: { sha256: blobId, bytes: png.length, contentType: 'image/png' } });
    expect(existsSync(join(dataDir, 'scans', blobId))).toBe(true);
    expect((await get(personal.id)).scans).toEqual([{ sha256: blobId, bytes: png.length, contentType: 'image/png', at: a.clock().toISOString(), url: `/blobs/${blobId}` }]);
    const text = ok<{ blobId: string }>(await a.host.putBlob(new TextEncoder().encode('not a scan')));
    expect(err(await a.host.dispatch('archive.attachScan', { id: personal.id, blobId: text.blobId })).code).toBe('FILE_UNSUPPORTED');
    expect(err(await a.host.dispatch('archive.attachScan', { id: personal.id, blobId: 'a'.repeat(64) })).code).toBe('BLOB_NOT_FOUND');
    expect(err(await a.host.dispatch('archive.attachScan', { id: 'PD-20261128-00000000', blobId })).code).toBe('ARCHIVE_NOT_FOUND');
  });
});

/** True when some database file (main, WAL, shared memory) holds the text. */
const inDatabaseFiles = (text: string): boolean =>
  readdirSync(dataDir)
    .filter((name) => name.startsWith('pledge-desk.db'))
    .some((name) => readFileSync(join(dataDir, name)).includes(text));

describe('redaction erases personal data, search entries, the PDF and scans, and keeps the chain valid', () => {
  let redactedEvent: ArchiveEvent;
  let presentBefore: boolean;

  beforeAll(async () => {
    presentBefore = inDatabaseFiles('13812345678') && inDatabaseFiles('110101199003074514');
    ({ event: redactedEvent } = ok<{ event: ArchiveEvent; erasedFiles: number }>(await a.host.dispatch('archive.redact', { id: personal.id, reason: '本人申请删除个人信息' })));
  });

  it('appends redacted, saying what was erased and when', () => {
    expect(redactedEvent).toMatchObject({
      kind: 'redacted',
      recordId: personal.id,
      at: a.clock().toISOString(),
      details: { reason: '本人申请删除个人信息', erased: { personalData: true, pdf: personal.fileSha256, searchEntries: true } },
    });
    expect((redactedEvent.details.erased as { scans: string[] }).scans).toHaveLength(1);
  });

  it('keeps the row with its hashes as tombstones; the personal data is gone, even when asked to reveal', async () => {
    const record = await get(personal.id, true);
    expect(record).toMatchObject({ status: 'redacted', personalData: 'erased', fileSha256: personal.fileSha256, contentHash: personal.contentHash, scans: [] });
    expect(record.signerDetails).toEqual(SIGNER);
  });

  it('deletes the PDF and the scan files', () => {
    expect(a.host.readBlob(personal.fileSha256)).toBeNull();
    expect(readdirSync(join(dataDir, 'scans'))).toEqual([]);
  });

  it('leaves no trace of the personal numbers in any file of the data folder (database, WAL, draft)', async () => {
    const draft = ok<Draft>(await a.host.dispatch('drafts.get', { id: (await get(personal.id)).draftId as string }));
    expect(draft.signer).toEqual(SIGNER);
    expect(presentBefore).toBe(true);
    expect(inDatabaseFiles('13812345678')).toBe(false);
    expect(inDatabaseFiles('110101199003074514')).toBe(false);
    expect(inDatabaseFiles('文三路')).toBe(false);
  });

  it('is no longer found by text, but is listed by status', async () => {
    const byName = ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { query: SIGNER.name }));
    expect(byName.items.map((i) => i.id)).not.toContain(personal.id);
    expect(ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { query: personal.id })).total).toBe(0);
    expect(ok<ArchiveSearchResult>(await a.host.dispatch('archive.search', { status: 'redacted' })).items.map((i) => i.id)).toEqual([personal.id]);
  });

  it('refuses to print, export or attach to the erased record; redacting again changes nothing', async () => {
    expect(err(await a.host.dispatch('archive.print', { id: personal.id })).code).toBe('ARCHIVE_REDACTED');
    expect(err(await a.host.dispatch('archive.export', { id: personal.id })).code).toBe('ARCHIVE_REDACTED');
    const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(makeSignaturePng(100, 100)));
    expect(err(await a.host.dispatch('archive.attachScan', { id: personal.id, blobId })).code).toBe('ARCHIVE_REDACTED');
    const again = ok<{ event: ArchiveEvent; erasedFiles: number }>(await a.host.dispatch('archive.redact', { id: personal.id, reason: '重复' }));
    expect(again).toEqual({ event: redactedEvent, erasedFiles: 0 });
  });

  it('verifyAll still passes: the chain verifies and says what was erased', async () => {
    const result = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}));
    expect(result.failures).toEqual([]);
    expect(result.checked).toBe(5);
    expect(result.events).toBeGreaterThanOrEqual(10);
  });
});

describe('a read-only data folder', () => {
  it('still lists, searches, shows and verifies; writing an event answers STORAGE_UNAVAILABLE', async () => {
    const logs: string[] = [];
    const ro = createHost({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      openDatabase: (path) => new Database(path, { readonly: true, fileMustExist: true }),
      log: (m) => logs.push(m),
    });
    try {
      expect(ok<ArchiveSearchResult>(await ro.dispatch('archive.search', { query: SIGNER.name })).total).toBeGreaterThan(0);
      expect(ok<ArchiveRecord>(await ro.dispatch('archive.get', { id: plain.id })).status).toBe('superseded');
      expect(ok<VerifyAllResult>(await ro.dispatch('archive.verifyAll', {})).failures).toEqual([]);
      expect(err(await ro.dispatch('archive.void', { id: plain.id, reason: '只读' })).code).toBe('STORAGE_UNAVAILABLE');
      expect(logs).toEqual([]);
    } finally {
      ro.close();
    }
  });
});

describe('validation of the archive methods', () => {
  it.each([
    ['archive.search', { page: 0 }],
    ['archive.search', { pageSize: 201 }],
    ['archive.search', { status: 'deleted' }],
    ['archive.search', { from: '2026/01/01' }],
    ['archive.search', { sort: 'size' }],
    ['archive.search', { query: 'x'.repeat(201) }],
    ['archive.void', { id: 'x' }],
    ['archive.redact', { id: 'x', reason: '' }],
    ['archive.attachScan', { id: 'x', blobId: 'not-a-hash' }],
    ['archive.verify', {}],
    ['archive.verifyCode', { code: '' }],
    ['archive.verifyAll', { deep: true }],
    ['archive.get', { id: 'x', reveal: 'yes' }],
  ])('%s %j → VALIDATION', async (method, input) => {
    expect(err(await a.host.dispatch(method, input)).code).toBe('VALIDATION');
  });
});
