import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { CliFailure } from './cli-io';

/**
 * Moves a file the host left in `exports/` (a bundle, a register) to `out`: copied under a temporary name next
 * to `out`, then renamed, so a reader never sees half a file; the copy in the data folder is deleted after.
 * Throws STORAGE_UNAVAILABLE when `out` cannot be written (the data folder's copy is then left for the next start).
 */
export function moveExport(source: string, out: string): void {
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    copyFileSync(source, tmp);
    renameSync(tmp, out);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new CliFailure('STORAGE_UNAVAILABLE', `cannot write ${out}: ${(error as Error).message}`);
  }
  rmSync(source, { force: true });
}
