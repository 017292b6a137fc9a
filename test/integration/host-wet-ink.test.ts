import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalizeResult } from '../../electron/shared/dto';
import { makeSignaturePng } from '../support/make-png';
import { createTestHost, err, ok, SIGNER, TEMPLATE_ID, VALID_VALUES, type TestHost } from '../support/test-host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

/** The wet-ink path: archive a copy printed to be signed on paper, then attach the signed scan. */
describe('signing in ink on paper', () => {
  let dir = '';
  let t: TestHost;

  const draft = async (): Promise<string> => {
    const { id } = ok<{ id: string }>(await t.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    ok(await t.host.dispatch('drafts.update', { id, values: VALID_VALUES, signer: SIGNER }));
    return id;
  };

  beforeAll(() => {
    dir = makeTempDir('pledge-wet-');
    t = createTestHost(join(dir, 'data'));
  });
  afterAll(() => {
    t.host.close();
    removeTempDirs();
  });

  it('without wetInk, a missing signature image is MISSING_VALUE naming the field', async () => {
    const e = err(await t.host.dispatch('signing.finalize', { draftId: await draft(), signatures: {}, date: '2026-11-28' }));
    expect(e.code).toBe('MISSING_VALUE');
    expect(e.field).toBe('signature-1');
  });

  it('archives an unsigned copy with a blank signature line and says so; the signed scan is then attached', async () => {
    const result = ok<FinalizeResult>(await t.host.dispatch('signing.finalize', { draftId: await draft(), signatures: {}, date: '2026-11-28', wetInk: true }));
    const pdf = t.host.readBlob(result.fileSha256)?.bytes as Uint8Array;
    const file = join(dir, 'wet.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('承诺人签名：');
    expect(text).toContain('纸质签署用打印件');
    // No image is drawn: the page has no image XObject.
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(makeSignaturePng(600, 800)));
    ok(await t.host.dispatch('archive.attachScan', { id: result.id, blobId }));
    const record = ok<{ scans: unknown[]; events: Array<{ kind: string }> }>(await t.host.dispatch('archive.get', { id: result.id }));
    expect(record.scans).toHaveLength(1);
    expect(record.events.map((e) => e.kind)).toContain('scan-attached');
  });
});
