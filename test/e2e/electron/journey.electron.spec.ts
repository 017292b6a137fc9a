import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import { expectPdfMatches, fillAndSign, pdfText } from '../journey';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');

/** The Electron binary's path, or null: `require('electron')` returns it, or throws when it was never downloaded. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('electron shell', () => {
  test.skip(binary === null, 'no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the chromium project covers the UI');
  test.skip(!existsSync(MAIN), 'dist/electron/main.cjs is missing: run `npm run build` first');

  test('the same journey runs in the desktop app', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pledge-electron-'));
    const app = await _electron.launch({ args: [MAIN], cwd: ROOT, env: { ...process.env, PLEDGE_DESK_HOME: home } });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('.template-card').first()).toBeVisible();
      expect(await page.evaluate(() => Object.keys((window as unknown as { pledge?: object }).pledge ?? {}).length)).toBeGreaterThan(0);
      const journey = await fillAndSign(page);
      // pledge-blob:// is readable from the page only: fetch it there and hand the bytes back.
      const base64 = await page.evaluate(async (url) => {
        const buf = new Uint8Array(await (await fetch(url)).arrayBuffer());
        let bin = '';
        for (const byte of buf) bin += String.fromCharCode(byte);
        return btoa(bin);
      }, journey.pdfUrl);
      expectPdfMatches(pdfText(Buffer.from(base64, 'base64')), journey);
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
