import type { ApiResult } from '../../shared/api-error';
import type { Host } from '../host';
import type { CliIo } from './cli-io';
import { CliFailure } from './cli-io';

/** What every subcommand receives: parsed flags, output, and a lazily created host on the resolved data dir. */
export interface CliContext {
  io: CliIo;
  json: boolean;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  dataDir: string;
  resourcesDir: string;
  rendererDir: string;
  /** The host on the resolved data dir, created on first use (`browser` for `pledge serve`). */
  host: (mode?: 'browser' | 'embedded') => Host;
}

/** Unwraps a dispatch result or ends the command with its error code. */
export function unwrap<T>(result: ApiResult<unknown>): T {
  if (!result.ok) {
    const field = result.error.field ? ` (${result.error.field})` : '';
    throw new CliFailure(result.error.code, `${result.error.message}${field}`);
  }
  return result.value as T;
}

/** Writes the command's single JSON document (with --json) or its human text. */
export function output(ctx: CliContext, value: unknown, human: () => string): void {
  ctx.io.stdout(ctx.json ? `${JSON.stringify(value, null, 2)}\n` : human());
}

export function stringFlag(ctx: CliContext, name: string): string | undefined {
  const value = ctx.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireFlag(ctx: CliContext, name: string): string {
  const value = stringFlag(ctx, name);
  if (!value) throw new CliFailure('USAGE', `--${name} is required`);
  return value;
}
