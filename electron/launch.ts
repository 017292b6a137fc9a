/**
 * `npm start`: runs the app in Electron when Electron can run here, otherwise in browser mode.
 *
 * Bundled to dist/electron/launch.cjs and run by plain Node, so it must not import `electron` (under Node that
 * module is just the binary's path, or a throw). The decisions live in launcher/decide-launch.ts, a pure
 * function with unit tests; this file only performs them: probe, at most one download, then spawn.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { decideLaunch, type InstallOutcome, type LaunchStep } from './launcher/decide-launch';
import { probeElectron } from './launcher/probe-electron';

/** dist/electron/launch.cjs → the repo root, which is Electron's app dir. */
const appDir = path.resolve(__dirname, '..', '..');

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function runInstall(step: Extract<LaunchStep, { kind: 'install' }>): InstallOutcome {
  const result = spawnSync(step.command, step.args, { cwd: appDir, stdio: 'inherit', timeout: step.timeoutMs });
  if (result.error) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return { ok: false, reason: timedOut ? `timed out after ${step.timeoutMs / 1000} s` : result.error.message };
  }
  if (result.signal) return { ok: false, reason: `killed by ${result.signal}` };
  if (result.status !== 0) return { ok: false, reason: `exit code ${String(result.status)}` };
  return { ok: true };
}

/**
 * Runs the final step with inherited stdio and mirrors its exit code. SIGTERM is forwarded. SIGINT is forwarded
 * only without a terminal: Ctrl-C in a terminal already reaches the whole foreground process group, and a second
 * SIGINT would cut short the child's clean shutdown (`pledge serve` closes the database on the first one).
 * Either way this process stays alive until the child exits.
 */
function runForeground(command: string, args: string[]): void {
  // ELECTRON_RUN_AS_NODE would make the Electron binary behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, args, { cwd: appDir, stdio: 'inherit', env });
  process.on('SIGINT', () => {
    if (!process.stdin.isTTY) child.kill('SIGINT');
  });
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function main(): void {
  const base = { hasDisplay: hasDisplay(), appDir, nodePath: process.execPath, args: process.argv.slice(2) };
  let step = decideLaunch({ ...base, probe: probeElectron(appDir) });
  if (step.kind === 'install') {
    const install = runInstall(step);
    step = decideLaunch({ ...base, probe: probeElectron(appDir), install });
  }
  if (step.kind === 'browser') console.log(step.notice);
  if (step.kind !== 'install') runForeground(step.command, step.args);
}

main();
