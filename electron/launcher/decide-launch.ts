/** Result of looking for the Electron binary (see probe-electron.ts). */
export type ElectronProbe = { found: true; path: string } | { found: false; reason: string };

/** Result of one `node node_modules/electron/install.js` run. */
export type InstallOutcome = { ok: true } | { ok: false; reason: string };

export interface LaunchInput {
  probe: ElectronProbe;
  /** Absent until the one download attempt has run. */
  install?: InstallOutcome;
  /** False on Linux without `$DISPLAY`/`$WAYLAND_DISPLAY`, where Electron cannot open a window. */
  hasDisplay: boolean;
  /** Repo root: Electron's app dir (its package.json `main` is dist/electron/main.cjs). */
  appDir: string;
  /** Node executable used for the download and for browser mode. */
  nodePath: string;
  /** Arguments after `npm start --`, passed through unchanged. */
  args: readonly string[];
}

export type LaunchStep =
  | { kind: 'electron'; command: string; args: string[] }
  | { kind: 'install'; command: string; args: string[]; timeoutMs: number }
  | { kind: 'browser'; notice: string; command: string; args: string[] };

/** How long the one download attempt may take before we give up and fall back. */
export const INSTALL_TIMEOUT_MS = 120_000;

/**
 * What `npm start` does next, as a pure function of what has been observed so far.
 *
 * Electron is preferred; a missing binary (the normal case on machines where npm skipped Electron's postinstall)
 * earns exactly one download attempt; and when Electron still cannot run, the same app starts in browser mode
 * (`pledge serve`), so an offline machine without Electron still gets the app. Without a display there is no
 * point downloading or starting Electron at all.
 */
export function decideLaunch(input: LaunchInput): LaunchStep {
  const { probe, install, hasDisplay, appDir, nodePath, args } = input;
  if (!hasDisplay) return browser(input, 'no display: $DISPLAY and $WAYLAND_DISPLAY are unset');
  if (probe.found) return { kind: 'electron', command: probe.path, args: [appDir, ...args] };
  if (install === undefined) {
    return {
      kind: 'install',
      command: nodePath,
      args: [joinPath(appDir, 'node_modules/electron/install.js')],
      timeoutMs: INSTALL_TIMEOUT_MS,
    };
  }
  const reason = install.ok
    ? `${probe.reason}; install.js finished without providing it`
    : `${probe.reason}; download failed: ${install.reason}`;
  return browser(input, reason);
}

/** The one line printed before falling back; kept here so its wording is tested. */
export function browserModeNotice(reason: string): string {
  return `Electron is not available here (${reason}); starting browser mode instead.`;
}

function browser(input: LaunchInput, reason: string): LaunchStep {
  return {
    kind: 'browser',
    notice: browserModeNotice(reason),
    command: input.nodePath,
    // Like the desktop app: a damaged database shows the recovery screen instead of ending the server.
    args: [joinPath(input.appDir, 'dist/electron/cli.cjs'), 'serve', '--recover', ...input.args],
  };
}

/** Joins with `/`, which Node accepts on every platform; keeps this module free of `node:path` for purity. */
function joinPath(dir: string, relative: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${relative}`;
}
