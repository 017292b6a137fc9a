import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readlinkSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private Linux mount namespace, for storage faults that chmod cannot give a root test: a tiny tmpfs (a
 * disk that really fills up, ENOSPC) and a tmpfs remounted read-only (EROFS). Its mounts are visible only to
 * processes run through `run`/`spawn`, never to the machine, and vanish with the namespace when `close()`
 * kills its holder process (or, at the latest, when the holder's `sleep` ends).
 */
export class MountNamespace {
  private constructor(private readonly holder: ChildProcess) {}

  /** True when this machine lets the tests make mount namespaces (Linux, root or CAP_SYS_ADMIN, util-linux). */
  static available(): boolean {
    if (process.platform !== 'linux') return false;
    const dir = mkdtempSync(join(tmpdir(), 'pledge-ns-probe-'));
    try {
      const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${dir}' && umount '${dir}'`], {
        stdio: 'ignore',
        timeout: 10_000,
      });
      return probe.status === 0 && spawnSync('nsenter', ['--version'], { stdio: 'ignore' }).status === 0;
    } catch {
      return false;
    } finally {
      rmdirSync(dir);
    }
  }

  /** A fresh namespace (its holder lives at most `seconds`). */
  static async create(seconds = 300): Promise<MountNamespace> {
    const holder = spawn('unshare', ['--mount', '--propagation', 'private', 'sleep', String(seconds)], { stdio: 'ignore' });
    const own = readlinkSync('/proc/self/ns/mnt');
    for (let i = 0; i < 200; i++) {
      try {
        if (holder.pid !== undefined && readlinkSync(`/proc/${holder.pid}/ns/mnt`) !== own) return new MountNamespace(holder);
      } catch {
        // not started yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    holder.kill('SIGKILL');
    throw new Error('unshare did not make a mount namespace');
  }

  private args(command: string[]): string[] {
    return ['--target', String(this.holder.pid), '--mount', ...command];
  }

  /** Runs a command inside the namespace and waits for it. */
  run(command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): SpawnSyncReturns<string> {
    return spawnSync('nsenter', this.args(command), { encoding: 'utf8', timeout: 30_000, ...options });
  }

  /** Runs a command inside the namespace; nsenter execs it, so the child's pid is the command's. */
  spawn(command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
    return spawn('nsenter', this.args(command), { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  }

  /** `mount -t tmpfs -o size=<size> tmpfs <dir>` inside the namespace. */
  mountTmpfs(dir: string, size: string): void {
    const r = this.run(['mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    if (r.status !== 0) throw new Error(`mount failed: ${r.stderr}`);
  }

  /** Remounts `dir` read-only (fails while a file on it is open for writing). */
  remountReadOnly(dir: string): void {
    const r = this.run(['mount', '-o', 'remount,ro', dir]);
    if (r.status !== 0) throw new Error(`remount failed: ${r.stderr}`);
  }

  close(): void {
    this.holder.kill('SIGKILL');
  }
}
