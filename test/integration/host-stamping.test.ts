import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfInspectionDto, StampResultDto } from '../../electron/shared/dto';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { runCli } from '../support/run-cli';
import { createTestHost, err, ok, SIGNER, type TestHost } from '../support/test-host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

/** Outside PDFs through the host: stamping.inspect, stamping.stamp (a `stamped` archive record) and `pledge stamp`. */
describe('stamping outside PDFs', () => {
  let dir = '';
  let t: TestHost;
  let source: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    dir = makeTempDir('pledge-stamp-host-');
    t = createTestHost(join(dir, 'data'));
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([842, 595]).setRotation({ type: 'degrees', angle: 90 } as never);
    source = await doc.save();
  });
  afterAll(() => {
    t.host.close();
    removeTempDirs();
  });

  it('inspects pages, boxes and rotation', async () => {
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(source));
    const inspection = ok<PdfInspectionDto>(await t.host.dispatch('stamping.inspect', { blobId }));
    expect(inspection.pageCount).toBe(2);
    expect(inspection.pages[1]?.rotate).toBe(90);
    expect(inspection.encrypted).toBe('none');
    expect(inspection.signed).toBe(false);
  });

  it('stamps signature and date on the last page and archives a stamped record that verifies', async () => {
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(source));
    const result = ok<StampResultDto>(
      await t.host.dispatch('stamping.stamp', { blobId, fileName: '合作协议.pdf', signer: SIGNER, signature: { png: pngDataUrl(makeSignaturePng()) }, date: '2026-11-28' }),
    );
    expect(result.placed.map((p) => p.page)).toEqual(expect.arrayContaining([2]));
    const pdf = t.host.readBlob(result.fileSha256)?.bytes as Uint8Array;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(result.fileSha256);
    const file = join(dir, 'stamped.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })).toContain('2026年11月28日');
    const record = ok<{ kind: string; title: string; events: Array<{ kind: string }> }>(await t.host.dispatch('archive.get', { id: result.id }));
    expect(record.kind).toBe('stamped');
    expect(record.title).toBe('合作协议');
    expect(record.events.map((e) => e.kind)).toContain('stamped');
    const verdict = ok<{ verdict: string; recordId?: string }>(await t.host.dispatch('archive.verify', { blobId: ok<{ blobId: string }>(await t.host.putBlob(pdf)).blobId }));
    expect(verdict).toMatchObject({ verdict: 'exact', recordId: result.id });
  });

  it('refuses a file that is not a PDF with PDF_NOT_PDF', async () => {
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(makeSignaturePng()));
    expect(err(await t.host.dispatch('stamping.stamp', { blobId, signer: SIGNER, signature: { png: pngDataUrl(makeSignaturePng()) } })).code).toBe('PDF_NOT_PDF');
  });

  it('pledge stamp --json prints {id, fileSha256, out}; a non-PDF is exit 2 with error: PDF_NOT_PDF', async () => {
    writeFileSync(join(dir, 'in.pdf'), source);
    writeFileSync(join(dir, 'sig.png'), makeSignaturePng());
    const data = join(dir, 'cli-data');
    const run = await runCli(['--data-dir', data, '--json', 'stamp', 'in.pdf', '--signature', 'sig.png', '--page', '1', '--at', '300,100', '--out', 'out.pdf'], { home: dir, cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const value = JSON.parse(run.stdout) as { id: string; fileSha256: string; out: string };
    expect(Object.keys(value).sort()).toEqual(['fileSha256', 'id', 'out']);
    expect(createHash('sha256').update(readFileSync(value.out)).digest('hex')).toBe(value.fileSha256);
    const bad = await runCli(['--data-dir', data, '--json', 'stamp', 'sig.png', '--signature', 'sig.png', '--out', 'x.pdf'], { home: dir, cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: PDF_NOT_PDF: /);
  });
});
