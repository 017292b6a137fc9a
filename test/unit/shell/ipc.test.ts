import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { FOREIGN_FRAME_RESULT, isTrustedSender, registerIpc } from '../../../electron/shell/ipc';
import { BLOB_PUT_CHANNEL, CHANNEL_PREFIX, METHOD_NAMES } from '../../../electron/shared/method-names';

describe('isTrustedSender', () => {
  it.each([
    ['app://pledge-desk/index.html', true],
    ['app://pledge-desk/', true],
    ['app://PLEDGE-DESK/index.html#/wizard', true],
  ])('trusts the main frame at %s', (url, isMain) => {
    expect(isTrustedSender(url, isMain)).toBe(true);
  });

  it.each([
    ['app://pledge-desk/index.html', false],
    [`pledge-blob://${'a'.repeat(64)}`, true],
    ['app://evil/index.html', true],
    ['app://pledge-desk.evil/index.html', true],
    ['app://pledge-desk:1234/index.html', true],
    ['app://u:p@pledge-desk/index.html', true],
    ['https://pledge-desk/index.html', true],
    ['file:///app/dist/renderer/index.html', true],
    ['http://127.0.0.1:5173/', true],
    ['about:blank', true],
    ['', true],
    [undefined, true],
    [null, true],
  ])('refuses %j (main frame: %s)', (url, isMain) => {
    expect(isTrustedSender(url, isMain)).toBe(false);
  });
});

type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  return { ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers, raw: ipcMain };
}

function fakeHost() {
  return {
    dispatch: vi.fn<Host['dispatch']>(async (method) => ({ ok: true, value: { echoed: method } })),
    putBlob: vi.fn<Host['putBlob']>(async () => ({ ok: true, value: { blobId: 'f'.repeat(64) } })),
  };
}

const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } });
const subFrame = (url: string) => ({ senderFrame: { url, parent: { url: 'app://pledge-desk/index.html' } } });
const TRUSTED = mainFrame('app://pledge-desk/index.html');

describe('registerIpc', () => {
  let ipc: ReturnType<typeof fakeIpcMain>;
  let host: ReturnType<typeof fakeHost>;

  beforeEach(() => {
    ipc = fakeIpcMain();
    host = fakeHost();
    registerIpc(ipc.ipcMain, host);
  });

  it('registers exactly one handler per contract method, plus the blob channel', () => {
    const expected = [...METHOD_NAMES.map((name) => CHANNEL_PREFIX + name), BLOB_PUT_CHANNEL].sort();
    expect([...ipc.handlers.keys()].sort()).toEqual(expected);
    expect(ipc.raw.handle).toHaveBeenCalledTimes(METHOD_NAMES.length + 1);
  });

  it('passes a trusted call straight to host.dispatch with the method name and untouched input', async () => {
    const input = { id: 'd1', values: { f1: 'x' } };
    const result = await ipc.handlers.get('pledge:drafts.update')!(TRUSTED, input);
    expect(host.dispatch).toHaveBeenCalledWith('drafts.update', input);
    expect(result).toEqual({ ok: true, value: { echoed: 'drafts.update' } });
  });

  it.each([
    ['a subframe of the app', subFrame('app://pledge-desk/index.html')],
    ['a foreign main frame', mainFrame('https://evil.example/')],
    ['a PDF frame', mainFrame(`pledge-blob://${'a'.repeat(64)}`)],
    ['a destroyed frame', { senderFrame: null }],
    ['an event without a frame', {}],
    [
      'a frame whose getter throws',
      Object.defineProperty({}, 'senderFrame', {
        get() {
          throw new Error('Render frame was disposed');
        },
      }),
    ],
  ])('rejects %s without calling the host', async (_label, event) => {
    for (const channel of ipc.handlers.keys()) {
      const result = await ipc.handlers.get(channel)!(event, channel === BLOB_PUT_CHANNEL ? new ArrayBuffer(4) : {});
      expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'rejected: call from a foreign frame' } });
    }
    expect(host.dispatch).not.toHaveBeenCalled();
    expect(host.putBlob).not.toHaveBeenCalled();
  });

  it('returns an INTERNAL result instead of throwing across IPC when the host breaks its contract', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    host.dispatch.mockRejectedValueOnce(new Error('secret path /home/x/db'));
    const result = await ipc.handlers.get('pledge:drafts.list')!(TRUSTED, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'drafts.list failed unexpectedly' } });
    error.mockRestore();
  });

  it('hands blob bytes to host.putBlob as a Uint8Array, from an ArrayBuffer or a Uint8Array', async () => {
    const put = ipc.handlers.get(BLOB_PUT_CHANNEL)!;
    await put(TRUSTED, new Uint8Array([1, 2, 3]).buffer);
    await put(TRUSTED, new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4));
    expect(host.putBlob).toHaveBeenCalledTimes(2);
    for (const [bytes] of host.putBlob.mock.calls) {
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect([...bytes]).toEqual([1, 2, 3]);
    }
  });

  it.each([['a string', 'JVBERi0='], ['an array', [1, 2, 3]], ['an object', { 0: 1 }], ['nothing', undefined], ['a DataView', new DataView(new ArrayBuffer(2))]])(
    'refuses %s on the blob channel',
    async (_label, value) => {
      const result = await ipc.handlers.get(BLOB_PUT_CHANNEL)!(TRUSTED, value);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(host.putBlob).not.toHaveBeenCalled();
    },
  );

  it('can remove every handler it registered', () => {
    const fresh = fakeIpcMain();
    const dispose = registerIpc(fresh.ipcMain, fakeHost());
    dispose();
    expect(fresh.handlers.size).toBe(0);
  });

  it('exposes a frozen rejection result', () => {
    expect(Object.isFrozen(FOREIGN_FRAME_RESULT)).toBe(true);
  });
});
