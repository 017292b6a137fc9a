import { isAbsolute, join, resolve } from 'node:path';

export interface DataDirInputs {
  /** `--data-dir` as given on the command line. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
}

/**
 * THE one place that decides where Pledge Desk keeps its data, shared by the Electron app, the CLI and
 * `pledge serve`, so that what one archives the others show: `--data-dir`, else `$PLEDGE_DESK_HOME`, else the
 * platform's per-user data folder.
 */
export function resolveDataDir({ flag, env, platform, homedir }: DataDirInputs): string {
  if (flag) return resolve(flag);
  if (env.PLEDGE_DESK_HOME) return resolve(env.PLEDGE_DESK_HOME);
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', 'Pledge Desk');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), 'Pledge Desk');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir, '.local', 'share'), 'pledge-desk');
}
