import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ElectronProbe } from './decide-launch';

/**
 * Looks for the Electron binary the way Electron's own CLI does: under plain Node, `require('electron')` returns
 * the binary's path (read from node_modules/electron/path.txt), or throws "Electron failed to install correctly"
 * when the postinstall download never ran. The module is required from `appDir` through `createRequire`, never
 * imported, so esbuild leaves it alone, and its cache entry is dropped first so a second probe after the
 * download sees the new state. The path is also checked on disk: path.txt can outlive a deleted `dist/`.
 */
export function probeElectron(appDir: string): ElectronProbe {
  const requireFromApp = createRequire(path.join(appDir, 'package.json'));
  let resolved: string;
  try {
    resolved = requireFromApp.resolve('electron');
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  delete requireFromApp.cache[resolved];
  let binary: unknown;
  try {
    binary = requireFromApp(resolved);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      found: false,
      reason: /failed to install correctly/i.test(message)
        ? 'the Electron binary was never downloaded'
        : (message.split('\n')[0] ?? 'unknown error'),
    };
  }
  if (typeof binary !== 'string' || binary === '') return { found: false, reason: 'the electron package gave no binary path' };
  if (!existsSync(binary)) return { found: false, reason: `the Electron binary is missing at ${binary}` };
  return { found: true, path: binary };
}
