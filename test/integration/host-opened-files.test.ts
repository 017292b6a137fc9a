import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../../electron/shared/dto';
import { createTestHost, ok } from '../support/test-host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

const hosts: Array<{ close(): void }> = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
  removeTempDirs();
});

describe('opened files (file associations, "Open with", a second launch)', () => {
  it('stores a PDF and a bundle as blobs and hands each to the renderer exactly once', async () => {
    const { host } = createTestHost(makeTempDir());
    hosts.push(host);
    const dir = makeTempDir();
    const pdf = join(dir, '承诺书.pdf');
    const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    writeFileSync(pdf, pdfBytes);
    const bundle = join(dir, 'records.pledgebundle');
    // A bundle stores its PDFs uncompressed: `%PDF-` appears in its first kilobyte, and it is still a bundle.
    writeFileSync(bundle, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), pdfBytes]));
    expect(host.openFile(pdf)).toMatchObject({ kind: 'pdf', fileName: '承诺书.pdf' });
    host.openFile(bundle);

    const opened = ok<OpenedFile[]>(await host.dispatch('app.openedFiles', {}));
    expect(opened.map((f) => [f.kind, f.fileName])).toEqual([
      ['pdf', '承诺书.pdf'],
      ['bundle', 'records.pledgebundle'],
    ]);
    const first = opened[0]!;
    if (first.kind !== 'pdf') throw new Error('expected a pdf');
    expect(Buffer.from(host.readBlob(first.blobId)!.bytes)).toEqual(pdfBytes);
    expect(ok<OpenedFile[]>(await host.dispatch('app.openedFiles', {}))).toEqual([]);
  });

  it('names the problem for a missing file, a renamed text file and a zip that is not a bundle', async () => {
    const { host } = createTestHost(makeTempDir());
    hosts.push(host);
    const dir = makeTempDir();
    writeFileSync(join(dir, 'fake.pdf'), '这不是 PDF');
    writeFileSync(join(dir, 'archive.zip.pdf'), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    host.openFile(join(dir, 'gone.pdf'));
    host.openFile(join(dir, 'fake.pdf'));
    host.openFile(join(dir, 'archive.zip.pdf'));
    expect(ok<OpenedFile[]>(await host.dispatch('app.openedFiles', {}))).toEqual([
      { kind: 'unsupported', fileName: 'gone.pdf', problem: 'unreadable' },
      { kind: 'unsupported', fileName: 'fake.pdf', problem: 'not-pdf-or-bundle' },
      { kind: 'unsupported', fileName: 'archive.zip.pdf', problem: 'not-pdf-or-bundle' },
    ]);
  });

  it('keeps only the newest 20 when launches pile up unanswered', async () => {
    const { host } = createTestHost(makeTempDir());
    hosts.push(host);
    const dir = makeTempDir();
    for (let i = 0; i < 25; i++) host.openFile(join(dir, `missing-${i}.pdf`));
    const opened = ok<OpenedFile[]>(await host.dispatch('app.openedFiles', {}));
    expect(opened).toHaveLength(20);
    expect(opened[0]!.fileName).toBe('missing-5.pdf');
  });
});
