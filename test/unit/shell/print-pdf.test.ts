import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const windows: Array<{
    options: { show?: boolean; webPreferences?: Record<string, unknown> };
    loadURL: ReturnType<typeof vi.fn>;
    destroy: ReturnType<typeof vi.fn>;
    isDestroyed: () => boolean;
    webContents: { print: ReturnType<typeof vi.fn> };
  }> = [];
  const printResult = { success: true, reason: '' };
  class BrowserWindow {
    loadURL = vi.fn(() => Promise.resolve());
    destroy = vi.fn();
    isDestroyed = () => false;
    webContents = {
      print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) =>
        callback(printResult.success, printResult.reason),
      ),
    };
    constructor(public options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      windows.push(this);
    }
  }
  return { windows, printResult, BrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow }));

import { printPdf } from '../../../electron/shell/print-pdf';
import { secureWebPreferences } from '../../../electron/shell/web-preferences';

const id = 'ab'.repeat(32);

beforeEach(() => {
  fake.windows.length = 0;
  fake.printResult.success = true;
  fake.printResult.reason = '';
});

describe('printPdf', () => {
  it('loads the PDF in a hidden, preload-less secure window, opens the print dialog, then destroys the window', async () => {
    await expect(printPdf(id)).resolves.toBe(true);
    const win = fake.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toStrictEqual(secureWebPreferences());
    expect(win.loadURL).toHaveBeenCalledWith(`pledge-blob://${id}`);
    expect(win.webContents.print).toHaveBeenCalledWith(expect.objectContaining({ silent: false }), expect.any(Function));
    expect(win.destroy).toHaveBeenCalled();
  });

  it('treats a cancelled dialog as "not printed", not as an error', async () => {
    fake.printResult.success = false;
    fake.printResult.reason = 'Print job canceled';
    await expect(printPdf(id)).resolves.toBe(false);
    expect(fake.windows[0]!.destroy).toHaveBeenCalled();
  });

  it('reports a failed job and still destroys the window', async () => {
    fake.printResult.success = false;
    fake.printResult.reason = 'Print job failed';
    await expect(printPdf(id)).rejects.toThrow('Print job failed');
    expect(fake.windows[0]!.destroy).toHaveBeenCalled();
  });

  it('refuses anything but a blob id, without opening a window', async () => {
    await expect(printPdf('https://example.com/x.pdf')).rejects.toThrow('malformed');
    expect(fake.windows).toHaveLength(0);
  });
});
