import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zSigner } from '../../shared/api';
import type { Signer } from '../../shared/dto';
import type { CliContext } from './cli-context';
import { CliFailure } from './cli-io';

/**
 * The bytes of a file named on the command line, resolved against the caller's folder. A file that cannot be
 * read is the caller's to fix: VALIDATION, naming the flag it came with (none for a positional argument).
 */
export function readInputFile(ctx: CliContext, path: string, flag?: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(resolve(ctx.io.cwd, path)));
  } catch (error) {
    throw new CliFailure('VALIDATION', `${flag ? `${flag}: ` : ''}cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/** A JSON file named by `flag` (UTF-8; a leading BOM, as Windows editors write it, is allowed). */
export function readJsonFile(ctx: CliContext, path: string, flag: string): unknown {
  const text = Buffer.from(readInputFile(ctx, path, flag)).toString('utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliFailure('VALIDATION', `${flag}: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** `--signer FILE.json`, checked against the contract's signer validator; the message names the wrong key. */
export function readSignerFile(ctx: CliContext, path: string): Signer {
  const parsed = zSigner.safeParse(readJsonFile(ctx, path, '--signer'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliFailure('VALIDATION', `--signer: ${issue?.path.join('.') || 'signer'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A PNG or JPEG file as the data URL the API's image inputs take (the host checks the bytes again). */
export function imageDataUrl(ctx: CliContext, path: string, flag: string): string {
  const bytes = Buffer.from(readInputFile(ctx, path, flag));
  const type = bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpeg' : 'png';
  return `data:image/${type};base64,${bytes.toString('base64')}`;
}
