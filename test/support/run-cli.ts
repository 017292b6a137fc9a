import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI_PATH } from './paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled CLI (`node dist/electron/cli.cjs …`) as a child process. The environment is the test's,
 * minus PLEDGE_DESK_HOME/XDG_DATA_HOME (so only what the test passes decides the data folder), with HOME
 * pointed at `home` so that nothing can reach the real user's folders.
 */
export function runCli(args: string[], options: { home: string; env?: Record<string, string>; cwd?: string }): Promise<CliRun> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build:electron\` first`);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'PLEDGE_DESK_HOME' && k !== 'XDG_DATA_HOME' && k !== 'PLEDGE_DESK_RESOURCES') env[k] = v;
  }
  Object.assign(env, { HOME: options.home }, options.env ?? {});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { env, cwd: options.cwd ?? options.home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
