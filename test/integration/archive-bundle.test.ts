import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArchiveEvent,
  ArchiveRecord,
  ArchiveSearchResult,
  ArchiveSummary,
  BundleExportResult,
  BundleImportResult,
  Draft,
  DraftSummary,
  FinalizeResult,
  ImportedTemplate,
  VerifyAllResult,
} from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import type { Host } from '../../electron/host/host';
import { PERSONAL_SIGNER, SIGNATURES, archiveHost, type ArchiveHost } from '../support/archive-host';
import { editBundle, manifestOf, packBundle, unpackBundle } from '../support/bundle-files';
import { sha256 } from '../support/jcs';
import { makeSignaturePng } from '../support/make-png';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, VALID_VALUES, createTestHost, err, ok } from '../support/test-host';

/**
 * Issue 6, exchange: "a bundle (with personal data included) round-trips between two data folders with
 * identical hashes, and a bundle with one corrupted file imports nothing". Source archive A holds five records
 * covering every kind of history: personal data with an attached scan, a superseded record and its correction,
 * a redacted record, and a voided record signed on an imported template.
 */

const SEED_TEXT = '安全生产承诺书\n一、每月开展不少于__________次安全检查。\n二、发现隐患在__________小时内整改完毕。\n承诺人签名：__________\n签订日期：__________\n';
/** Flips the lowest bit of one byte. */
const flip = (bytes: Uint8Array, at: number): void => {
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
};
const PHONE = PERSONAL_SIGNER.phone as string;
const ID_NUMBER = PERSONAL_SIGNER.idNumber as string;

let a: ArchiveHost;
let r1: FinalizeResult; // personal data + scan
let r2: FinalizeResult; // superseded by r3
let r3: FinalizeResult;
let r4: FinalizeResult; // redacted
let r5: FinalizeResult; // imported template, voided
let custom: ImportedTemplate;
let scanSha: string;
let everything: BundleExportResult;
let everythingBytes: Uint8Array;
const ids = (): string[] => [r1, r2, r3, r4, r5].map((r) => r.id);

const get = async (host: Host, id: string, reveal?: boolean): Promise<ArchiveRecord> =>
  ok<ArchiveRecord>(await host.dispatch('archive.get', { id, ...(reveal ? { reveal } : {}) }));
const verifyAll = async (host: Host): Promise<VerifyAllResult> => ok<VerifyAllResult>(await host.dispatch('archive.verifyAll', {}));
const exportBundle = async (host: Host, input: object): Promise<{ result: BundleExportResult; bytes: Uint8Array }> => {
  const result = ok<BundleExportResult>(await host.dispatch('archive.exportBundle', input));
  const blob = host.readBlob(result.blobId);
  if (!blob) throw new Error('the exported bundle is not readable through readBlob');
  return { result, bytes: blob.bytes };
};
const importBytes = async (host: Host, bytes: Uint8Array) => {
  const { blobId } = ok<{ blobId: string }>(await host.putBlob(bytes));
  return host.dispatch('archive.importBundle', { blobId });
};
const freshHost = (seed: number): Host => createTestHost(makeTempDir('pledge-bundle-target-'), { seed }).host;
const hosts: Host[] = [];
const target = (seed = 11): Host => {
  const host = freshHost(seed);
  hosts.push(host);
  return host;
};

async function signCustom(host: ArchiveHost): Promise<FinalizeResult> {
  host.clock.tick(3_600_000);
  const template = ok<Template>(await host.host.dispatch('templates.get', { id: custom.id }));
  const values = Object.fromEntries(template.fields.filter((f) => f.kind === 'blank').map((f) => [f.id, '3']));
  const signatures = Object.fromEntries(template.fields.filter((f) => f.kind === 'signature').map((f) => [f.id, SIGNATURES['signature-1']]));
  const { id } = ok<{ id: string }>(await host.host.dispatch('drafts.create', { templateId: custom.id }));
  ok(await host.host.dispatch('drafts.update', { id, values, signer: SIGNER }));
  return ok<FinalizeResult>(await host.host.dispatch('signing.finalize', { draftId: id, signatures, date: host.clock().toISOString().slice(0, 10) }));
}

beforeAll(async () => {
  a = archiveHost(makeTempDir('pledge-bundle-source-'));
  custom = ok<{ templates: ImportedTemplate[] }>(await a.host.dispatch('templates.import', { text: SEED_TEXT })).templates[0] as ImportedTemplate;
  r1 = await a.sign({ signer: PERSONAL_SIGNER });
  const { blobId } = ok<{ blobId: string }>(await a.host.putBlob(makeSignaturePng(300, 120)));
  scanSha = blobId;
  ok(await a.host.dispatch('archive.attachScan', { id: r1.id, blobId }));
  r2 = await a.sign();
  r3 = await a.sign({ supersedes: r2.id });
  r4 = await a.sign({ signer: PERSONAL_SIGNER });
  ok(await a.host.dispatch('archive.redact', { id: r4.id, reason: '本人申请删除个人信息' }));
  r5 = await signCustom(a);
  ok(await a.host.dispatch('archive.void', { id: r5.id, reason: '录入错误' }));
  a.clock.tick(60_000);
  ({ result: everything, bytes: everythingBytes } = await exportBundle(a.host, { all: true }));
});

afterAll(() => {
  a.host.close();
  for (const host of hosts) host.close();
  removeTempDirs();
});

describe('archive.exportBundle', () => {
  it('writes a ZIP readable through the blob route, named by its SHA-256', () => {
    expect(everything).toMatchObject({ records: 5, bytes: everythingBytes.length, fileName: '承诺书-20261128-5.pledgebundle' });
    expect(everything.blobId).toBe(sha256(everythingBytes));
    expect(Buffer.from(everythingBytes.subarray(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('holds manifest.json (format, version, records with rows and events, templates, file hashes), the PDFs and the scan', () => {
    const entries = unpackBundle(everythingBytes);
    const manifest = manifestOf(entries);
    expect(manifest).toMatchObject({ format: 'pledge-desk-bundle', formatVersion: 1, appVersion: '0.1.0', chainSchema: 1, personalData: 'omitted', createdAt: a.clock().toISOString() });
    expect(manifest.records.map((r) => r.row.id)).toEqual(ids());
    expect(manifest.templates.map((t) => t.id).sort()).toEqual([custom.id, 'ecommerce-service'].sort());
    // The redacted record travels as its tombstone: row and events, no PDF.
    const files = [r1, r2, r3, r5].map((r) => `archive/${r.fileSha256}.pdf`).concat(`scans/${scanSha}`);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(files.sort());
    expect([...entries.keys()].sort()).toEqual([...files, 'manifest.json'].sort());
    for (const f of manifest.files) expect(sha256(entries.get(f.path) as Uint8Array)).toBe(f.sha256);
    expect(manifest.records.find((r) => r.row.id === r4.id)?.events.map((e) => e.kind)).toEqual(['signed', 'redacted']);
  });

  it('carries no personal data unless asked: no ID or phone number in any file of the bundle', () => {
    for (const bytes of unpackBundle(everythingBytes).values()) {
      const text = Buffer.from(bytes).toString('utf8');
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(ID_NUMBER);
    }
  });

  it('appends an exported event naming the bundle to every record, after the bundle was written', async () => {
    for (const id of ids()) {
      const last = (await get(a.host, id)).events.at(-1) as ArchiveEvent;
      expect(last).toMatchObject({ kind: 'exported', details: { bundle: everything.blobId, personalData: false } });
    }
    expect((await verifyAll(a.host)).failures).toEqual([]);
  });

  it('refuses unknown ids, and input without exactly one of ids and all', async () => {
    expect(err(await a.host.dispatch('archive.exportBundle', { ids: [r1.id, 'PD-20990101-NOPE0000'] }))).toMatchObject({ code: 'ARCHIVE_NOT_FOUND', field: 'ids' });
    expect(err(await a.host.dispatch('archive.exportBundle', {})).code).toBe('VALIDATION');
    expect(err(await a.host.dispatch('archive.exportBundle', { ids: [r1.id], all: true })).code).toBe('VALIDATION');
    expect(err(await a.host.dispatch('archive.exportBundle', { ids: [] })).code).toBe('VALIDATION');
  });
});

describe('archive.importBundle: a round trip into another data folder', () => {
  let b: Host;
  let imported: BundleImportResult;

  beforeAll(async () => {
    b = target();
    imported = ok<BundleImportResult>(await importBytes(b, everythingBytes));
  });

  it('imports every record in chain order, and the template version the target lacked', () => {
    expect(imported).toEqual({ imported: ids(), skipped: [], templates: 1 });
  });

  it('gives each record the same row, hashes, status and history, plus an imported event', async () => {
    const stable = (r: ArchiveRecord) => {
      const { id, kind, title, signer, organisation, signedAt, date, fileSha256, contentHash, templateId, templateVersion, draftId, status, signerType, supersededBy } = r;
      return { id, kind, title, signer, organisation, signedAt, date, fileSha256, contentHash, templateId, templateVersion, draftId, status, signerType, supersededBy };
    };
    for (const id of ids()) {
      const [source, copy] = [await get(a.host, id), await get(b, id)];
      const [sourceEvents, copyEvents] = [source.events, copy.events];
      expect(stable(copy)).toEqual(stable(source));
      expect(copy.values).toEqual(source.values);
      expect(copy.pdf.bytes).toBe(source.pdf.bytes);
      // The source's last event is this export's own `exported`, written after the bundle.
      const strip = (e: ArchiveEvent) => ({ kind: e.kind, at: e.at, details: e.details });
      expect(copyEvents.slice(0, -1).map(strip)).toEqual(sourceEvents.slice(0, -1).map(strip));
      expect(copyEvents.at(-1)).toMatchObject({ kind: 'imported', details: { bundle: everything.blobId, appVersion: '0.1.0' } });
      const imp = copyEvents.at(-1) as ArchiveEvent;
      expect((imp.details.source as { events: Array<{ hash: string }> }).events.map((e) => e.hash)).toEqual(sourceEvents.slice(0, -1).map((e) => e.hash));
    }
    expect((await get(b, r2.id))).toMatchObject({ status: 'superseded', supersededBy: r3.id });
    expect((await get(b, r4.id)).status).toBe('redacted');
    expect((await get(b, r5.id)).status).toBe('void');
  });

  it('stores the PDFs and the scan byte for byte; the redacted PDF stays erased', async () => {
    for (const r of [r1, r2, r3, r5]) expect(Buffer.from(b.readBlob(r.fileSha256)?.bytes ?? []).equals(Buffer.from(a.host.readBlob(r.fileSha256)?.bytes ?? [1]))).toBe(true);
    expect(b.readBlob(r4.fileSha256)).toBeNull();
    const record = await get(b, r1.id);
    expect(record.scans.map((s) => s.sha256)).toEqual([scanSha]);
    expect(sha256(b.readBlob(scanSha)?.bytes ?? new Uint8Array())).toBe(scanSha);
  });

  it('holds no personal data for them, and says so: personalData is not-imported', async () => {
    const record = await get(b, r1.id, true);
    expect(record.personalData).toBe('not-imported');
    expect(record.signerDetails).toEqual(SIGNER);
    expect((await get(b, r4.id)).personalData).toBe('erased');
    expect((await get(b, r2.id)).personalData).toBe('none');
  });

  it('archive.verifyAll passes in the target: chain, rows, files', async () => {
    const result = await verifyAll(b);
    expect(result.failures).toEqual([]);
    expect(result.checked).toBe(5);
  });

  it('makes the records searchable, by name and by the imported template’s clause text', async () => {
    const byName = ok<ArchiveSearchResult>(await b.dispatch('archive.search', { query: SIGNER.name, pageSize: 50 }));
    expect(byName.items.map((i) => i.id).sort()).toEqual([r1.id, r2.id, r3.id, r5.id].sort());
    const byClause = ok<ArchiveSearchResult>(await b.dispatch('archive.search', { query: '每月开展不少于' }));
    expect(byClause.items.map((i) => i.id)).toEqual([r5.id]);
    expect(ok<Template>(await b.dispatch('templates.get', { id: custom.id, version: custom.version })).title).toBe('安全生产承诺书');
  });

  it('resolves each record’s draft reference with a signed placeholder in the trash, not in the drafts list', async () => {
    const draftId = (await get(b, r1.id)).draftId as string;
    const draft = ok<Draft>(await b.dispatch('drafts.get', { id: draftId }));
    expect(draft).toMatchObject({ status: 'signed', archiveId: r1.id, values: {}, signer: null });
    expect(draft.deletedAt).not.toBeNull();
    expect(ok<DraftSummary[]>(await b.dispatch('drafts.list', {}))).toEqual([]);
  });

  it('consumes the upload: the bundle is not kept in the target’s blobs', () => {
    expect(b.readBlob(everything.blobId)).toBeNull();
  });

  it('a second import skips every record as already-present and writes nothing', async () => {
    const before = await verifyAll(b);
    const again = ok<BundleImportResult>(await importBytes(b, everythingBytes));
    expect(again).toEqual({ imported: [], skipped: ids().map((id) => ({ id, reason: 'already-present' })), templates: 0 });
    expect((await verifyAll(b)).events).toBe(before.events);
  });

  it('the imported records can be exported again and verify in a third folder', async () => {
    const { bytes } = await exportBundle(b, { ids: [r5.id, r1.id] });
    const c = target(12);
    expect(ok<BundleImportResult>(await importBytes(c, bytes)).imported).toEqual([r1.id, r5.id]);
    expect((await verifyAll(c)).failures).toEqual([]);
    expect((await get(c, r1.id)).personalData).toBe('not-imported');
  });
});

describe('archive.importBundle with personal data included', () => {
  it('carries the personal-data row only when asked, and the target then holds and reveals it', async () => {
    const { bytes } = await exportBundle(a.host, { ids: [r1.id], includePersonalData: true });
    const entries = unpackBundle(bytes);
    const manifest = manifestOf(entries);
    expect(manifest.personalData).toBe('included');
    const personal = manifest.files.filter((f) => f.path.startsWith('personal/'));
    expect(personal).toHaveLength(1);
    expect(Buffer.from(entries.get(personal[0]?.path as string) as Uint8Array).toString('utf8')).toContain(PHONE);

    const c = target(13);
    expect(ok<BundleImportResult>(await importBytes(c, bytes)).imported).toEqual([r1.id]);
    const record = await get(c, r1.id, true);
    expect(record.personalData).toBe('revealed');
    expect(record.signerDetails).toEqual(PERSONAL_SIGNER);
    expect((await get(c, r1.id)).signerDetails.phone).toBe('138****5678');
    expect((await verifyAll(c)).failures).toEqual([]);
  });

  it('never includes a redacted record’s erased personal data', async () => {
    const { bytes } = await exportBundle(a.host, { ids: [r4.id], includePersonalData: true });
    expect([...unpackBundle(bytes).keys()]).toEqual(['manifest.json']);
  });
});

describe('revealed events (issue #6) travel in a bundle', () => {
  it('are copied into the target in order, and the chain verifies there and after a further reveal and export', async () => {
    const source = archiveHost(makeTempDir('pledge-bundle-reveal-'), 17);
    hosts.push(source.host);
    const record = await source.sign({ signer: PERSONAL_SIGNER });
    for (let i = 0; i < 2; i++) {
      source.clock.tick(60_000);
      expect((await get(source.host, record.id, true)).personalData).toBe('revealed');
    }
    const history = (await get(source.host, record.id)).events;
    expect(history.map((e) => e.kind)).toEqual(['signed', 'revealed', 'revealed']);
    const { result, bytes } = await exportBundle(source.host, { ids: [record.id], includePersonalData: true });
    expect(manifestOf(unpackBundle(bytes)).records[0]?.events.map((e) => e.kind)).toEqual(['signed', 'revealed', 'revealed']);

    const b = target(19);
    expect(ok<BundleImportResult>(await importBytes(b, bytes)).imported).toEqual([record.id]);
    const copied = (await get(b, record.id)).events;
    const strip = (e: ArchiveEvent) => ({ kind: e.kind, at: e.at, details: e.details });
    expect(copied.map(strip)).toEqual([...history.map(strip), { kind: 'imported', at: expect.any(String), details: expect.objectContaining({ bundle: result.blobId }) }]);
    expect((await verifyAll(b)).failures).toEqual([]);

    // Revealing the imported copy is logged in the target too; its chain and a second hop still verify.
    expect((await get(b, record.id, true)).events.at(-1)).toMatchObject({ kind: 'revealed', details: { via: 'cli', fields: ['signer.idNumber', 'signer.phone', 'signer.address'] } });
    expect((await verifyAll(b)).failures).toEqual([]);
    const again = await exportBundle(b, { ids: [record.id] });
    const c = target(23);
    expect(ok<BundleImportResult>(await importBytes(c, again.bytes)).imported).toEqual([record.id]);
    expect((await get(c, record.id)).events.map((e) => e.kind)).toEqual(['signed', 'revealed', 'revealed', 'imported', 'revealed', 'imported']);
    expect((await verifyAll(c)).failures).toEqual([]);
  });
});

describe('conflicts: the archive never overwrites a record', () => {
  it('a record with the same id but different content is skipped as a conflict; the others import', async () => {
    // Same seed and clock as A: the first record signed gets r1's id, with other answers.
    const x = archiveHost(makeTempDir('pledge-bundle-twin-'));
    try {
      const twin = await x.sign({ values: { ...VALID_VALUES, 'pre-2': '京东' } });
      expect(twin.id).toBe(r1.id);
      // One more draft first, so that the next record's id differs from any of A's.
      ok(await x.host.dispatch('drafts.create', { templateId: 'ecommerce-service' }));
      const extra = await x.sign();
      const { bytes } = await exportBundle(x.host, { all: true });
      const b = target(14);
      ok(await importBytes(b, everythingBytes));
      const before = await get(b, r1.id);
      const result = ok<BundleImportResult>(await importBytes(b, bytes));
      expect(result).toEqual({ imported: [extra.id], skipped: [{ id: r1.id, reason: 'conflict' }], templates: 0 });
      expect(await get(b, r1.id)).toEqual(before);
      expect((await verifyAll(b)).failures).toEqual([]);
    } finally {
      x.host.close();
    }
  });
});

describe('a damaged or tampered bundle imports nothing', () => {
  /** Imports `bytes` into a fresh folder; returns the error and checks that nothing at all was written. */
  async function refused(bytes: Uint8Array): Promise<{ code: string; message: string }> {
    const c = target(15);
    const error = err(await importBytes(c, bytes));
    expect(ok<ArchiveSummary[]>(await c.dispatch('archive.list', {}))).toEqual([]);
    expect(await verifyAll(c)).toMatchObject({ checked: 0, events: 0, failures: [] });
    expect(existsSync(join(c.dataDir, 'archive')) ? readdirSync(join(c.dataDir, 'archive')) : []).toEqual([]);
    expect(existsSync(join(c.dataDir, 'scans')) ? readdirSync(join(c.dataDir, 'scans')) : []).toEqual([]);
    expect(ok<Array<{ id: string }>>(await c.dispatch('templates.list', {})).map((t) => t.id)).not.toContain(custom.id);
    return error;
  }
  const pdfPath = (): string => `archive/${r3.fileSha256}.pdf`;

  it('one flipped byte in a PDF (the ZIP still consistent) → BUNDLE_INVALID naming the file', async () => {
    const bytes = editBundle(everythingBytes, (entries) => {
      const pdf = new Uint8Array(entries.get(pdfPath()) as Uint8Array);
      flip(pdf, Math.floor(pdf.length / 2));
      entries.set(pdfPath(), pdf);
    });
    const e = await refused(bytes);
    expect(e.code).toBe('BUNDLE_INVALID');
    expect(e.message).toContain(pdfPath());
    expect(e.message).toMatch(/does not match its SHA-256/);
  });

  it('one flipped byte in the raw ZIP → BUNDLE_INVALID (a CRC or inflation failure), nothing written', async () => {
    const bytes = new Uint8Array(everythingBytes);
    flip(bytes, 200);
    expect((await refused(bytes)).code).toBe('BUNDLE_INVALID');
  });

  it.each([
    ['a row field edited (title)', (m: ReturnType<typeof manifestOf>) => void ((m.records[1] as { row: { title: string } }).row.title = '改过的标题'), /row of record .* does not match/],
    ['an event edited (void reason)', (m: ReturnType<typeof manifestOf>) => void ((m.records[4]?.events.at(-1) as { details: Record<string, unknown> }).details.reason = '无'), /does not match its hash: it was edited/],
    ['an event removed from the middle', (m: ReturnType<typeof manifestOf>) => void m.records[1]?.events.splice(1, 1), /event \d+ of its chain is missing/],
    ['a file hash edited', (m: ReturnType<typeof manifestOf>) => void ((m.files[0] as { sha256: string }).sha256 = '0'.repeat(64)), /another hash than its name/],
    ['a listed file dropped from the list', (m: ReturnType<typeof manifestOf>) => void m.files.pop(), /not in its manifest/],
    ['the stated chain head edited', (m: ReturnType<typeof manifestOf>) => void (m.source.headHash = 'f'.repeat(64)), /chain head/],
    ['a malformed manifest', (m: ReturnType<typeof manifestOf>) => void ((m as unknown as { records: unknown }).records = 'all of them'), /malformed at records/],
  ])('%s → BUNDLE_INVALID, nothing written', async (_name, edit, message) => {
    const e = await refused(editBundle(everythingBytes, (_entries, manifest) => edit(manifest)));
    expect(e.code).toBe('BUNDLE_INVALID');
    expect(e.message).toMatch(message);
  });

  it('a PDF missing from the ZIP → BUNDLE_INVALID naming it', async () => {
    const e = await refused(
      editBundle(everythingBytes, (entries, manifest) => {
        entries.delete(pdfPath());
        manifest.files = manifest.files.filter((f) => f.path !== pdfPath());
      }),
    );
    expect(e).toMatchObject({ code: 'BUNDLE_INVALID' });
    expect(e.message).toContain(`${pdfPath()} of record ${r3.id} is missing`);
  });

  it('an erased PDF smuggled back in for the redacted record → BUNDLE_INVALID', async () => {
    const e = await refused(
      editBundle(everythingBytes, (entries, manifest) => {
        const pdf = a.host.readBlob(r1.fileSha256)?.bytes as Uint8Array;
        entries.set(`archive/${r4.fileSha256}.pdf`, pdf);
        manifest.files.push({ path: `archive/${r4.fileSha256}.pdf`, sha256: r4.fileSha256, bytes: pdf.length });
      }),
    );
    expect(e.code).toBe('BUNDLE_INVALID');
  });

  it('not a ZIP, or a ZIP without a manifest → BUNDLE_INVALID', async () => {
    expect((await refused(new TextEncoder().encode('%PDF-1.7 not a bundle'))).code).toBe('BUNDLE_INVALID');
    const entries = unpackBundle(everythingBytes);
    entries.delete('manifest.json');
    const e = await refused(packBundle(entries));
    expect(e).toMatchObject({ code: 'BUNDLE_INVALID', message: expect.stringMatching(/no manifest\.json/) });
  });

  it('a bundle of a newer format version → BUNDLE_NEWER_VERSION, nothing written', async () => {
    const e = await refused(editBundle(everythingBytes, (_entries, manifest) => void (manifest.formatVersion = 2)));
    expect(e.code).toBe('BUNDLE_NEWER_VERSION');
    expect(e.message).toMatch(/format version 2.*reads up to 1/);
  });

  it('an unknown upload → BLOB_NOT_FOUND', async () => {
    expect(err(await a.host.dispatch('archive.importBundle', { blobId: 'a'.repeat(64) })).code).toBe('BLOB_NOT_FOUND');
  });
});

describe('exported bundles do not outlive what they carry', () => {
  it('a redaction deletes bundles waiting for download', async () => {
    const { result } = await exportBundle(a.host, { ids: [r2.id] });
    expect(a.host.readBlob(result.blobId)).not.toBeNull();
    ok(await a.host.dispatch('archive.redact', { id: r2.id, reason: '测试' }));
    expect(a.host.readBlob(result.blobId)).toBeNull();
  });
});
