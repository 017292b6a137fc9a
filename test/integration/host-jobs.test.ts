import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/shared/api-error';
import type { ArchiveRecord, BundleExportResult, FinalizeResult, JobStatus, VerifyAllResult } from '../../electron/shared/dto';
import { archiveHost, type ArchiveHost } from '../support/archive-host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { err, ok } from '../support/test-host';

let dataDir: string;
let a: ArchiveHost;
let records: FinalizeResult[];

/** Polls `jobs.get` through `dispatch` on every turn of the event loop until the job ends; every status seen. */
async function pollToEnd(id: string): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (;;) {
    const status = ok<JobStatus>(await a.host.dispatch('jobs.get', { id }));
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const start = async (input: unknown): Promise<string> => ok<{ id: string }>(await a.host.dispatch('jobs.start', input)).id;

beforeAll(async () => {
  dataDir = makeTempDir('pledge-jobs-');
  a = archiveHost(dataDir);
  records = [];
  for (let i = 0; i < 4; i++) records.push(await a.sign());
  // A damaged PDF, so that the check has a failure to name.
  const path = join(dataDir, 'archive', `${records[2]?.fileSha256}.pdf`);
  const bytes = readFileSync(path);
  bytes.writeUInt8((bytes.readUInt8(bytes.length - 20) ^ 0xff) & 0xff, bytes.length - 20);
  writeFileSync(path, bytes);
});

afterAll(() => {
  a.host.close();
  removeTempDirs();
});

describe('jobs.start archive.verifyAll', () => {
  it('counts up monotonically to total and ends with what archive.verifyAll answers', async () => {
    const id = await start({ method: 'archive.verifyAll', input: {} });
    expect(id).toMatch(/^job_[0-9a-f]{16}$/);
    const seen = await pollToEnd(id);
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(Math.max(s.total, 0));
    const last = seen.at(-1) as Extract<JobStatus, { method: 'archive.verifyAll' }>;
    expect(last.state).toBe('done');
    const direct = ok<VerifyAllResult>(await a.host.dispatch('archive.verifyAll', {}));
    expect(last.result).toEqual(direct);
    // Every event walked and every record checked: 4 signed events and 4 records.
    expect(last.total).toBe(direct.events + direct.checked);
    expect(last.done).toBe(last.total);
    expect(last).toMatchObject({ phase: 'records', phaseDone: 4, phaseTotal: 4 });
    expect(direct.failures).toEqual([expect.objectContaining({ recordId: records[2]?.id, problem: 'pdf-altered' })]);
  });
});

describe('jobs.start archive.exportBundle', () => {
  it('writes the bundle, reports records written, and logs the export like the direct call', async () => {
    const ids = [records[0]?.id as string, records[1]?.id as string];
    const id = await start({ method: 'archive.exportBundle', input: { ids } });
    const seen = await pollToEnd(id);
    const last = seen.at(-1) as Extract<JobStatus, { method: 'archive.exportBundle' }>;
    expect(last).toMatchObject({ state: 'done', method: 'archive.exportBundle', done: 2, total: 2 });
    const result = last.result as BundleExportResult;
    expect(result.records).toBe(2);
    expect(result.fileName).toMatch(/^承诺书-\d{8}-2\.pledgebundle$/);
    expect(result.url).toBe(`/blobs/${result.blobId}`);
    expect(a.host.readBlob(result.blobId)?.bytes.length).toBe(result.bytes);
    for (const recordId of ids) {
      const record = ok<ArchiveRecord>(await a.host.dispatch('archive.get', { id: recordId }));
      expect(record.events.at(-1)).toMatchObject({ kind: 'exported', details: { bundle: result.blobId, personalData: false } });
    }
  });

  it('fails with the direct call’s error and leaves no file behind', async () => {
    const id = await start({ method: 'archive.exportBundle', input: { ids: ['PD-20261128-AAAAAAAA'] } });
    const last = (await pollToEnd(id)).at(-1) as JobStatus;
    expect(last.state).toBe('failed');
    expect(last.error?.code).toBe('ARCHIVE_NOT_FOUND');
    expect(readdirSync(join(dataDir, 'exports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // A damaged PDF stops an export, as it does the direct call.
    const damaged = (await pollToEnd(await start({ method: 'archive.exportBundle', input: { all: true } }))).at(-1) as JobStatus;
    expect(damaged.error?.code).toBe('BUNDLE_INVALID');
    expect(readdirSync(join(dataDir, 'exports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('jobs input and unknown jobs', () => {
  it('validates what is started and answers JOB_NOT_FOUND for an unknown id', async () => {
    expect(err(await a.host.dispatch('jobs.start', { method: 'archive.print', input: { id: records[0]?.id } })).code).toBe('VALIDATION');
    expect(err(await a.host.dispatch('jobs.start', { method: 'archive.exportBundle', input: {} })).code).toBe('VALIDATION');
    expect(err(await a.host.dispatch('jobs.get', { id: 'job_0000000000000000' })).code).toBe('JOB_NOT_FOUND');
  });

  it('keeps the status JSON-safe, as the loopback server and IPC carry it', async () => {
    const id = await start({ method: 'archive.verifyAll', input: {} });
    const running = (await a.host.dispatch('jobs.get', { id })) as ApiResult<JobStatus>;
    expect(JSON.parse(JSON.stringify(running))).toEqual(running);
    const last = (await pollToEnd(id)).at(-1);
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
  });
});
