import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO_ROOT, 'dist', 'electron', 'cli.cjs');
const START_TIMEOUT_MS = 20_000;

/** A running `pledge serve` on its own temp data dir. */
export interface PledgeServer {
  /** `http://127.0.0.1:PORT/#token=TOKEN`, exactly as printed on the first stdout line. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  dataDir: string;
}

/** Starts the CLI's server (with `extraArgs`, e.g. `--recover`) and resolves with the URL from its first stdout line. */
function startServe(dataDir: string, extraArgs: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs], {
      cwd: REPO_ROOT,
      env: { ...process.env, PLEDGE_DESK_HOME: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pledge serve printed no URL within ${START_TIMEOUT_MS} ms\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const url = stdout.slice(0, newline).trim();
      if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) {
        child.kill('SIGKILL');
        reject(new Error(`unexpected first line from pledge serve: ${url}\n${stderr}`));
        return;
      }
      resolveStart({ child, url });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`pledge serve exited early (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
}

/** Stops the server (SIGTERM lets it close the database) and waits for it to exit. */
async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A `pledge serve` on a data folder the test prepared itself (the `server` fixture always starts on an empty
 * one): for journeys that need something on disk before the server starts, such as a damaged database.
 * The caller stops it (and removes the folder).
 */
export async function startPledgeServe(dataDir: string, extraArgs: readonly string[] = []): Promise<PledgeServer & { stop: () => Promise<void> }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const { child, url } = await startServe(dataDir, extraArgs);
  return { url, origin: new URL(url).origin, dataDir, stop: () => stopServe(child) };
}

/** The bundled `pledge` CLI, for journeys that check a file the UI produced with the command line. */
export const CLI_PATH = CLI;

/** Every request the pages of a test made, by URL; checked against the app's origin when the test ends. */
export interface RequestLog {
  urls: string[];
  /** Set by the one spec that makes foreign requests on purpose, to check the log itself. */
  allowForeign: boolean;
  /**
   * The app origins the pages may talk to: the `server` fixture's, plus any `startPledgeServe` the test started
   * itself (such a test adds its origin here).
   */
  origins: string[];
}

/** Chromium's built-in PDF viewer: the same fixed id the Electron shell allows (`PDF_VIEWER_EXTENSION_ID`). */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/**
 * The requests in `urls` that leave the app `origins`. Allowed besides them: `data:` and `about:` URLs (no
 * network at all), `blob:` URLs minted by the origin itself, and the browser's built-in PDF viewer with the
 * `chrome://resources/` it loads (served from the browser binary; an archived PDF shown in a frame uses
 * them). Anything else (another host or port, https, file:, ws:, any other extension) is a request the
 * offline app must never make.
 */
export function foreignRequests(urls: readonly string[], origins: readonly string[]): string[] {
  return urls.filter((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return true;
    }
    if (parsed.protocol === 'data:' || parsed.protocol === 'about:') return false;
    if (url.startsWith(PDF_VIEWER) || url.startsWith('chrome://resources/')) return false;
    if (parsed.protocol === 'blob:') return !origins.includes(new URL(parsed.pathname).origin);
    return !origins.includes(parsed.origin);
  });
}

/**
 * `server`: a fresh `pledge serve` on a fresh temp data dir for every test; removed afterwards.
 * `requests` (automatic, issue 7's offline guarantee): records every request the test's browser context makes
 * and fails the test when one left the app's origin.
 */
export const test = base.extend<{ server: PledgeServer; requests: RequestLog }>({
  requests: [
    async ({ context, server }, use) => {
      const log: RequestLog = { urls: [], allowForeign: false, origins: [server.origin] };
      context.on('request', (request) => log.urls.push(request.url()));
      await use(log);
      if (!log.allowForeign) expect(foreignRequests(log.urls, log.origins), 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form even with no deps.
  server: async ({}, use) => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const dataDir = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
    const { child, url } = await startServe(dataDir);
    try {
      await use({ url, origin: new URL(url).origin, dataDir });
    } finally {
      await stopServe(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
