import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEvent, ArchiveRecord, FinalizeResult, VerifyAllResult } from '../../electron/shared/dto';
import { createHost } from '../../electron/host/create-host';
import type { Host } from '../../electron/host/host';
import { PERSONAL_SIGNER, archiveHost, type ArchiveHost } from '../support/archive-host';
import { RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { err, ok } from '../support/test-host';

// Issue #6: every read of a record's personal data in full leaves a `revealed` event in its audit log.

const ALL_SIGNER_FIELDS = ['signer.idNumber', 'signer.phone', 'signer.address'];

let dataDir: string;
let a: ArchiveHost;
let personal: FinalizeResult;
let phoneOnly: FinalizeResult;
let plain: FinalizeResult;

const get = async (host: Host, id: string, reveal?: boolean): Promise<ArchiveRecord> => ok<ArchiveRecord>(await host.dispatch('archive.get', { id, ...(reveal ? { reveal } : {}) }));
const revealedEvents = async (id: string): Promise<ArchiveEvent[]> => (await get(a.host, id)).events.filter((e) => e.kind === 'revealed');

beforeAll(async () => {
  dataDir = makeTempDir('pledge-reveal-');
  a = archiveHost(dataDir);
  personal = await a.sign({ signer: PERSONAL_SIGNER });
  phoneOnly = await a.sign({ signer: { type: '个人', name: '李四', phone: '13912345678' } });
  plain = await a.sign();
});

afterAll(() => {
  a.host.close();
  removeTempDirs();
});

describe('archive.get with reveal', () => {
  it('appends exactly one revealed event per reveal, naming the fields shown and never their values', async () => {
    const before = (await get(a.host, personal.id)).events;
    a.clock.tick(60_000);
    const first = await get(a.host, personal.id, true);
    expect(first.personalData).toBe('revealed');
    expect(first.signerDetails.phone).toBe(PERSONAL_SIGNER.phone);
    // The answer already lists its own event, chained to the record's previous one.
    expect(first.events).toHaveLength(before.length + 1);
    const event = first.events.at(-1) as ArchiveEvent;
    expect(event).toMatchObject({ kind: 'revealed', recordId: personal.id, at: a.clock().toISOString(), details: { via: 'cli', fields: ALL_SIGNER_FIELDS } });
    expect(JSON.stringify(event)).not.toMatch(/13812345678|110101199003074514|文三路/);

    a.clock.tick(60_000);
    await get(a.host, personal.id, true);
    const events = await revealedEvents(personal.id);
    expect(events).toHaveLength(2);
    expect(events[1]?.at).toBe(a.clock().toISOString());
  });

  it('names only the fields the record has', async () => {
    await get(a.host, phoneOnly.id, true);
    expect((await revealedEvents(phoneOnly.id)).map((e) => e.details)).toEqual([{ via: 'cli', fields: ['signer.phone'] }]);
  });

  it('records nothing for a masked read, however often', async () => {
    const count = (await get(a.host, personal.id)).events.length;
    for (let i = 0; i < 3; i++) expect((await get(a.host, personal.id)).personalData).toBe('masked');
    expect((await get(a.host, personal.id)).events).toHaveLength(count);
  });

  it('records nothing for a record without personal data', async () => {
    const record = await get(a.host, plain.id, true);
    expect(record.personalData).toBe('none');
    expect(record.events.map((e) => e.kind)).toEqual(['signed']);
  });

  it('says `app` when the app (desktop or browser host) revealed it', async () => {
    a.host.close();
    const app = createHost({ dataDir, resourcesDir: RESOURCES_DIR, clock: a.clock, mode: 'browser', log: () => undefined });
    try {
      const events = (await get(app, phoneOnly.id, true)).events.filter((e) => e.kind === 'revealed');
      expect(events.map((e) => e.details.via)).toEqual(['cli', 'app']);
    } finally {
      app.close();
      a = { ...a, host: createHost({ dataDir, resourcesDir: RESOURCES_DIR, clock: a.clock, log: () => undefined }) };
    }
  });

  it('keeps the chain valid: verifyAll passes after reveals', async () => {
    const result = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}));
    expect(result.failures).toEqual([]);
    expect(result.events).toBe(3 + 2 + 2);
  });

  it('answers ARCHIVE_NOT_FOUND for an unknown id and appends nothing', async () => {
    const head = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {})).headHash;
    expect(err(await a.host.dispatch('archive.get', { id: 'PD-20261128-ZZZZZZZZ', reveal: true })).code).toBe('ARCHIVE_NOT_FOUND');
    expect(ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {})).headHash).toBe(head);
  });

  it('does not show personal data it cannot log: a read-only data folder refuses the reveal but still shows the masked record', async () => {
    const ro = createHost({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      openDatabase: (path) => new Database(path, { readonly: true, fileMustExist: true }),
      log: () => undefined,
    });
    try {
      expect(err(await ro.dispatch('archive.get', { id: personal.id, reveal: true })).code).toBe('STORAGE_UNAVAILABLE');
      expect((await get(ro, personal.id)).personalData).toBe('masked');
    } finally {
      ro.close();
    }
  });

  it('records nothing once the personal data was erased', async () => {
    ok(await a.host.dispatch('archive.redact', { id: personal.id, reason: '本人申请删除个人信息' }));
    const count = (await get(a.host, personal.id)).events.length;
    const record = await get(a.host, personal.id, true);
    expect(record.personalData).toBe('erased');
    expect(record.events).toHaveLength(count);
    expect(ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {})).failures).toEqual([]);
  });
});
