/**
 * The preload: builds `window.pledge` from the contract's method names and nothing else.
 *
 * It runs in a sandboxed renderer, where only `electron` (and a few Node shims) can be required and ESM is not
 * supported, so esbuild bundles it to one CommonJS file, dist/electron/preload.cjs; a unit test checks that the
 * bundle requires nothing but `electron`. It imports only `electron` and the method-name list (not api.ts, which
 * would drag the validation library into the bundle). No raw `ipcRenderer` reaches the page: each function can
 * only invoke its own `pledge:<method>` channel, and the main process re-checks the sender and the input.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { PledgeApi } from './shared/api';
import { BLOB_PUT_CHANNEL, CHANNEL_PREFIX, METHOD_NAMES } from './shared/method-names';

const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(CHANNEL_PREFIX + name, input)]),
) as Omit<PledgeApi, 'blobs.put'>;

const api = {
  ...methods,
  'blobs.put': (bytes: ArrayBuffer) => ipcRenderer.invoke(BLOB_PUT_CHANNEL, bytes),
} satisfies PledgeApi;

contextBridge.exposeInMainWorld('pledge', api);
