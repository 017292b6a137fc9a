import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ showSaveDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showSaveDialog: fake.showSaveDialog } }));

import { savePdf } from '../../../electron/shell/save-pdf';

const id = 'ab'.repeat(32);
const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
const host = { readBlob: (blobId: string) => (blobId === id ? { bytes, contentType: 'application/pdf' } : null) };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pledge-save-'));
  fake.showSaveDialog.mockReset();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('savePdf', () => {
  it('writes the stored bytes to the path the user chose, offering the suggested name', async () => {
    const target = path.join(dir, '承诺书.pdf');
    fake.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(savePdf(host, { blobId: id, suggestedName: '承诺书.pdf' })).resolves.toBe(target);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
    expect(fake.showSaveDialog.mock.calls[0]![0]).toMatchObject({
      defaultPath: '承诺书.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('offers a register (台账) under its own type: CSV or Excel', async () => {
    fake.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await savePdf(host, { blobId: id, suggestedName: '台账-20261128-3.csv' });
    await savePdf(host, { blobId: id, suggestedName: '台账-20261128-3.xlsx' });
    expect(fake.showSaveDialog.mock.calls.map((c) => (c[0] as { title: string; filters: unknown }).filters)).toEqual([
      [{ name: 'CSV', extensions: ['csv'] }],
      [{ name: 'Excel', extensions: ['xlsx'] }],
    ]);
    expect(fake.showSaveDialog.mock.calls[0]![0]).toMatchObject({ title: '保存台账', defaultPath: '台账-20261128-3.csv' });
  });

  it('offers a bundle and a full backup under their own types', async () => {
    fake.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await savePdf(host, { blobId: id, suggestedName: '承诺书-20261128-2.pledgebundle' });
    await savePdf(host, { blobId: id, suggestedName: '承诺书备份-20261128.pledgebackup' });
    expect(fake.showSaveDialog.mock.calls.map((c) => c[0] as { title: string; filters: unknown })).toMatchObject([
      { title: '保存交换包', filters: [{ name: 'Pledge Desk 交换包', extensions: ['pledgebundle'] }] },
      { title: '保存全部数据的备份', filters: [{ name: 'Pledge Desk 备份', extensions: ['pledgebackup'] }] },
    ]);
  });

  it('writes nothing when the user cancels', async () => {
    fake.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(savePdf(host, { blobId: id, suggestedName: 'x.pdf' })).resolves.toBeNull();
  });

  it('fails before opening a dialog when the PDF does not exist', async () => {
    await expect(savePdf(host, { blobId: 'cd'.repeat(32), suggestedName: 'x.pdf' })).rejects.toThrow('no such PDF');
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});
