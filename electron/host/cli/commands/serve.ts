import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startServer } from '../../serve';
import { stringFlag, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/**
 * `pledge serve [--port N] [--no-open] [FILE…]`: browser mode. The first stdout line is the URL to open; the
 * server runs until SIGINT/SIGTERM, then closes the database cleanly. FILEs (PDFs, `.pledgebundle`s: what
 * `npm start -- FILE` passes on when it falls back to browser mode) are offered to the page as opened files.
 */
export async function serve(ctx: CliContext): Promise<void> {
  const portText = stringFlag(ctx, 'port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure('USAGE', `--port must be 0–65535, not ${portText}`);
  const host = ctx.host('browser');
  for (const file of ctx.positionals) {
    const opened = host.openFile(resolve(ctx.io.cwd, file));
    if (opened.kind === 'unsupported') ctx.io.stderr(`cannot open ${file}: ${opened.problem}\n`);
  }
  const server = await startServer({ host, rendererDir: ctx.rendererDir, port });
  ctx.io.stdout(`${server.url}\n`);
  ctx.io.stderr(`Pledge Desk (browser mode) is serving ${host.dataDir} on 127.0.0.1:${server.port}; Ctrl+C stops it.\n`);
  if (ctx.flags['no-open'] !== true) openInBrowser(server.url);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      // A second Ctrl+C while the database is closing must not cut the close short.
      if (stopping) return;
      stopping = true;
      server.close().finally(() => {
        host.close();
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Best effort: a machine without a desktop simply keeps the printed URL. */
function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener installed
  }
}
