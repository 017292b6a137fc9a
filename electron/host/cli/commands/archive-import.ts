import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleImportResult } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/** Exit status of `archive import` when some records were left out because a different record has their id. */
export const EXIT_CONFLICTS = 3;

/**
 * `pledge archive import FILE.pledgebundle`: checks the whole bundle and imports its records through
 * `archive.importBundle`. Exit 0 when every record of the bundle is now in the archive (imported, or here
 * already), 3 when some were skipped as conflicts (listed in the output), 2 for a damaged or newer bundle.
 */
export async function archiveImport(ctx: CliContext): Promise<number> {
  const file = ctx.positionals[0];
  if (!file || ctx.positionals.length > 1) throw new CliFailure('USAGE', 'usage: pledge archive import FILE.pledgebundle');
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path)) throw new CliFailure('VALIDATION', `no file ${path}`);
  const host = ctx.host();
  const blobId = stageUpload(host.dataDir, path);
  const result = unwrap<BundleImportResult>(await host.dispatch('archive.importBundle', { blobId }));
  const conflicts = result.skipped.filter((s) => s.reason === 'conflict');
  output(ctx, result, () =>
    [
      `imported ${result.imported.length} record${result.imported.length === 1 ? '' : 's'}${result.templates > 0 ? ` and ${result.templates} template version${result.templates === 1 ? '' : 's'}` : ''}\n`,
      ...result.imported.map((id) => `  + ${id}\n`),
      ...result.skipped.map((s) => `  ${s.reason === 'conflict' ? '!' : '='} ${s.id}\t${s.reason === 'conflict' ? 'skipped: a different record with this id is archived here' : 'already here'}\n`),
    ].join(''),
  );
  return conflicts.length > 0 ? EXIT_CONFLICTS : 0;
}

/**
 * Copies the bundle into the data folder's uploads under its SHA-256, as `blobs.put` would, but streaming:
 * a bundle may be larger than an upload through the app may be.
 */
function stageUpload(dataDir: string, path: string): string {
  const dir = join(dataDir, 'blobs');
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  const sha = hash.digest('hex');
  const target = join(dir, sha);
  if (!existsSync(target)) {
    const tmp = join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      copyFileSync(path, tmp);
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  }
  return sha;
}
