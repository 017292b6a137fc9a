import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../shared/api-error';
import { BLOB_PUT_CHANNEL, CHANNEL_PREFIX, METHOD_NAMES } from '../shared/method-names';
import type { Host } from '../host/host';
import { isAppUrl } from './app-url';

/** What a call from anywhere but the app's main frame gets back; the host is never reached. */
export const FOREIGN_FRAME_RESULT: ApiResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'VALIDATION', message: 'rejected: call from a foreign frame' }),
}) as ApiResult<never>;

/**
 * True only for the app's own top-level page: a main frame whose URL is on `app://pledge-desk`. Subframes
 * (a PDF in an iframe, anything injected) and other origins are refused even though the preload is only loaded
 * into our window: the check costs nothing and holds if that ever changes (VS Code's and Fiddle's rule).
 */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/** Reads the sending frame defensively: `senderFrame` is null once the frame navigated away or was destroyed. */
function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return false;
  }
  if (frame === null || frame === undefined) return false;
  return isTrustedSender(frame.url, frame.parent === null);
}

function internalError(host: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message: `${host} failed unexpectedly` } };
}

/**
 * Registers one `ipcMain.handle` per contract method (`pledge:<method>`) and one for the blob upload, and
 * returns a function that removes them all. `ipcMain` and `host` are arguments so tests can pass fakes.
 *
 * Each handler checks the sender first, then hands the untouched input to `host.dispatch`, which validates it;
 * nothing is thrown back across IPC (Electron would keep only the message), errors come back as `ApiResult`.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  host: Pick<Host, 'dispatch' | 'putBlob'>,
): () => void {
  const channels: string[] = [];

  for (const name of METHOD_NAMES) {
    const channel = CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!senderIsTrusted(event)) return FOREIGN_FRAME_RESULT;
      try {
        return await host.dispatch(name, input);
      } catch (error) {
        console.error(`Pledge Desk: ${name} threw`, error);
        return internalError(name);
      }
    });
    channels.push(channel);
  }

  ipcMain.handle(BLOB_PUT_CHANNEL, async (event, bytes: unknown) => {
    if (!senderIsTrusted(event)) return FOREIGN_FRAME_RESULT;
    const view = toBytes(bytes);
    if (view === null) {
      return { ok: false, error: { code: 'VALIDATION', message: 'blobs.put expects an ArrayBuffer' } };
    }
    try {
      return await host.putBlob(view);
    } catch (error) {
      console.error('Pledge Desk: blobs.put threw', error);
      return internalError('blobs.put');
    }
  });
  channels.push(BLOB_PUT_CHANNEL);

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Accepts the two shapes structured clone can deliver for the renderer's ArrayBuffer; copies nothing else. */
function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}
