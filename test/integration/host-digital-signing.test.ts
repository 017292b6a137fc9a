import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalizeResult } from '../../electron/shared/dto';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { pdfsig } from '../support/pdf-signature-tools';
import { runCli } from '../support/run-cli';
import { createTestHost, err, ok, SIGNER, TEMPLATE_ID, VALID_VALUES, type TestHost } from '../support/test-host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

/** signing.finalize with `digitalSignature`, signing.createIdentity, the heading font and --p12 in the CLI. */
describe('digital signing through the host', () => {
  let dir = '';
  let t: TestHost;
  const signature = { png: pngDataUrl(makeSignaturePng()) };

  const draft = async (): Promise<string> => {
    const { id } = ok<{ id: string }>(await t.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    ok(await t.host.dispatch('drafts.update', { id, values: VALID_VALUES, signer: SIGNER }));
    return id;
  };

  beforeAll(() => {
    dir = makeTempDir('pledge-dsig-');
    t = createTestHost(join(dir, 'data'));
  });
  afterAll(() => {
    t.host.close();
    removeTempDirs();
  });

  it('signs the archived PDF with a locally generated identity; pdfsig validates the whole document', async () => {
    const identity = ok<{ p12BlobId: string; fingerprintSha256: string; certificatePem: string }>(
      await t.host.dispatch('signing.createIdentity', { commonName: SIGNER.name, organisation: SIGNER.organisation, passphrase: '口令-1' }),
    );
    expect(identity.p12BlobId).toMatch(/^[0-9a-f]{64}$/);
    const result = ok<FinalizeResult>(
      await t.host.dispatch('signing.finalize', {
        draftId: await draft(),
        signatures: { 'signature-1': signature },
        date: '2026-11-28',
        dateFormat: 'iso',
        digitalSignature: { p12BlobId: identity.p12BlobId, passphrase: '口令-1' },
      }),
    );
    const pdf = t.host.readBlob(result.fileSha256)?.bytes as Uint8Array;
    const report = pdfsig(pdf);
    expect(report.signatures, report.raw).toHaveLength(1);
    expect(report.signatures[0]?.validation).toBe('Signature is Valid.');
    expect(report.signatures[0]?.totalDocument).toBe(true);
    expect(report.signatures[0]?.commonName).toBe(SIGNER.name);
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('签订日期：2026-11-28');
    // Headings are set in the Hei face; the body in the Kai face.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/WenQuanYi/i);
    expect(fonts).toMatch(/LXGW/i);
  });

  it('refuses a blank certificate name with VALIDATION, not an internal error (found by bench/fuzz.ts)', async () => {
    const res = await t.host.dispatch('signing.createIdentity', { commonName: ' ', organisation: '三年二二', passphrase: '口令', validDays: 667 });
    expect(err(res)).toMatchObject({ code: 'VALIDATION', field: 'commonName' });
    expect(t.logs).toEqual([]);
  });

  it('refuses a wrong passphrase with P12_BAD_PASSPHRASE and archives nothing', async () => {
    const identity = ok<{ p12BlobId: string }>(await t.host.dispatch('signing.createIdentity', { commonName: '李四', passphrase: 'right' }));
    const before = ok<unknown[]>(await t.host.dispatch('archive.list', {})).length;
    const id = await draft();
    const e = err(
      await t.host.dispatch('signing.finalize', {
        draftId: id,
        signatures: { 'signature-1': signature },
        date: '2026-11-28',
        digitalSignature: { p12BlobId: identity.p12BlobId, passphrase: 'wrong' },
      }),
    );
    expect(e.code).toBe('P12_BAD_PASSPHRASE');
    expect(ok<unknown[]>(await t.host.dispatch('archive.list', {}))).toHaveLength(before);
    expect(ok<{ status: string }>(await t.host.dispatch('drafts.get', { id })).status).toBe('open');
  });

  it('refuses an unknown .p12 blob id with BLOB_NOT_FOUND', async () => {
    const e = err(
      await t.host.dispatch('signing.finalize', {
        draftId: await draft(),
        signatures: { 'signature-1': signature },
        date: '2026-11-28',
        digitalSignature: { p12BlobId: 'f'.repeat(64), passphrase: 'x' },
      }),
    );
    expect(e.code).toBe('BLOB_NOT_FOUND');
  });

  it('pledge fill --p12 FILE --p12-pass-env VAR signs; a missing variable is exit 2 USAGE', async () => {
    const identity = ok<{ p12BlobId: string }>(await t.host.dispatch('signing.createIdentity', { commonName: '王五', passphrase: 's3cret' }));
    const p12 = join(dir, 'id.p12');
    writeFileSync(p12, t.host.readBlob(identity.p12BlobId)?.bytes as Uint8Array);
    writeFileSync(join(dir, 'values.json'), JSON.stringify(VALID_VALUES));
    writeFileSync(join(dir, 'signer.json'), JSON.stringify(SIGNER));
    writeFileSync(join(dir, 'sig.png'), makeSignaturePng());
    const args = ['--data-dir', join(dir, 'cli-data'), '--json', 'fill', '--template', TEMPLATE_ID, '--values', 'values.json', '--signer', 'signer.json', '--signature', 'sig.png', '--date', '2026-11-28', '--p12', 'id.p12', '--p12-pass-env', 'PLEDGE_P12_PASS', '--out', 'out.pdf'];
    const run = await runCli(args, { home: dir, cwd: dir, env: { PLEDGE_P12_PASS: 's3cret' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = pdfsig(new Uint8Array(readFileSync(join(dir, 'out.pdf'))));
    expect(report.signatures[0]?.validation, report.raw).toBe('Signature is Valid.');
    const missing = await runCli(args, { home: dir, cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: USAGE: .*PLEDGE_P12_PASS/);
    expect(missing.stdout).toBe('');
  });
});
