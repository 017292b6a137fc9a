import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { CLI_PATH } from './paths';

/** A `pledge serve` child process and what its first stdout line told. */
export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Resolves when the process has exited (for any reason). */
  exited: Promise<void>;
  stderr: () => string;
}

/** The test's environment minus the variables that would choose a data or resources folder, with HOME=home. */
export function cliEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'PLEDGE_DESK_HOME' && k !== 'XDG_DATA_HOME' && k !== 'PLEDGE_DESK_RESOURCES') env[k] = v;
  }
  env.HOME = home;
  return env;
}

/** The argv of `node dist/electron/cli.cjs serve --port 0 --no-open --data-dir DIR`. */
export function serveCommand(dataDir: string): string[] {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build:electron\` first`);
  return [process.execPath, CLI_PATH, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir];
}

/** Starts `pledge serve` on `dataDir`; resolves once it printed its URL. */
export function startServe(dataDir: string, home: string): Promise<ServeProcess> {
  const [node, ...args] = serveCommand(dataDir);
  return waitForUrl(spawn(node as string, args, { env: cliEnv(home), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Waits for an already spawned `pledge serve` to print `http://127.0.0.1:PORT/#token=TOKEN`. */
export function waitForUrl(child: ChildProcess, timeoutMs = 10_000): Promise<ServeProcess> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errText = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (errText += c));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pledge serve printed no URL within ${timeoutMs} ms; stderr: ${errText}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), token: m[2] as string, exited, stderr: () => errText });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`pledge serve exited (${code ?? signal}) before printing its URL; stderr: ${errText}`));
    });
  });
}

/** An API reply, or `null` when no complete reply arrived (connection refused, reset, process killed). */
export type Reply = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } } | null;

/** POSTs to `path` on a fresh connection with the start-up token. JSON bodies unless `bytes` is given. */
export function post(server: Pick<ServeProcess, 'port' | 'token'>, path: string, body: unknown, bytes?: Uint8Array): Promise<Reply> {
  const data = bytes ? Buffer.from(bytes) : Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: Reply): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path,
        agent: false,
        headers: {
          Authorization: `Bearer ${server.token}`,
          'Content-Type': bytes ? 'application/octet-stream' : 'application/json',
          'Content-Length': data.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => settle(null));
        res.on('close', () => settle(null));
        res.on('end', () => {
          try {
            settle({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as NonNullable<Reply>['body'] });
          } catch {
            settle(null);
          }
        });
      },
    );
    req.on('error', () => settle(null));
    req.end(data);
  });
}

/** `POST /api/<method>`. */
export const callApi = (server: Pick<ServeProcess, 'port' | 'token'>, method: string, input: unknown): Promise<Reply> =>
  post(server, `/api/${method}`, input);
