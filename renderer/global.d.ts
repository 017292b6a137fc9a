import type { PledgeApi } from '../electron/shared/api';

declare global {
  interface Window {
    /** Defined by the Electron preload; absent in browser mode, where renderer/api/browser-client.ts stands in. */
    pledge?: PledgeApi;
  }
}

export {};
