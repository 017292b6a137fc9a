import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VerifyAllResult, VerifyResult } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/** Exit status of `archive verify` for a copy that is not byte-identical, or an archive that fails its check. */
export const EXIT_MODIFIED = 3;
/** Exit status of `archive verify FILE` for a PDF that nothing ties to this archive. */
export const EXIT_UNKNOWN = 4;

/** What `archive verify FILE --json` prints: `modified` for any copy that is not the archived file itself. */
export interface CliVerifyResult {
  status: 'exact' | 'modified' | 'unknown';
  recordId?: string;
}

/**
 * `pledge archive verify FILE.pdf`: exit 0 when the file is an archived PDF byte for byte, 3 when it is a
 * modified copy of a record here (it carries the record's document id, or its page's QR code names it), 4
 * when nothing ties it to this archive, 2 when it is not a PDF. `pledge archive verify --all`: re-hashes
 * every stored PDF and scan and walks the audit chain; exit 0 when everything verifies, 3 naming each
 * failing record otherwise.
 */
export async function archiveVerify(ctx: CliContext): Promise<number> {
  if (ctx.flags.all === true) {
    if (ctx.positionals.length > 0) throw new CliFailure('USAGE', 'usage: pledge archive verify FILE.pdf | --all');
    return verifyAll(ctx);
  }
  const file = ctx.positionals[0];
  if (!file || ctx.positionals.length > 1) throw new CliFailure('USAGE', 'usage: pledge archive verify FILE.pdf | --all');
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliFailure('VALIDATION', `no file ${path}`);
  const bytes = new Uint8Array(readFileSync(path));
  // As PDF readers do: the header may follow up to 1 KB of junk.
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) throw new CliFailure('PDF_NOT_PDF', `${path} is not a PDF`);
  const host = ctx.host();
  // Uploads are content-addressed: keep one that was there before (a pending stamping source, say) and
  // drop only the copy this run staged.
  const staged = join(host.dataDir, 'blobs', createHash('sha256').update(bytes).digest('hex'));
  const fresh = !existsSync(staged);
  const { blobId } = unwrap<{ blobId: string }>(await host.putBlob(bytes));
  let verdict: VerifyResult;
  try {
    verdict = unwrap<VerifyResult>(await host.dispatch('archive.verify', { blobId }));
  } finally {
    if (fresh) rmSync(staged, { force: true });
  }
  const status: CliVerifyResult['status'] = verdict.verdict === 'exact' ? 'exact' : verdict.verdict === 'unknown' ? 'unknown' : 'modified';
  const value: CliVerifyResult = { status, ...(verdict.recordId ? { recordId: verdict.recordId } : {}) };
  output(ctx, value, () => {
    const head =
      status === 'exact'
        ? `exact: the archived PDF of ${verdict.recordId}`
        : status === 'modified'
          ? `modified: a copy of ${verdict.recordId} that is not the archived file${verdict.contentHashMatches === false ? ' (its content hash differs)' : ''}`
          : 'unknown: nothing ties this file to the archive';
    return [`${head}\n`, ...verdict.details.map((d) => `  ${d}\n`)].join('');
  });
  return status === 'exact' ? 0 : status === 'modified' ? EXIT_MODIFIED : EXIT_UNKNOWN;
}

async function verifyAll(ctx: CliContext): Promise<number> {
  const result = unwrap<VerifyAllResult>(await ctx.host().dispatch('archive.verifyAll', {}));
  output(ctx, result, () =>
    [
      `checked ${result.checked} record${result.checked === 1 ? '' : 's'} and ${result.events} event${result.events === 1 ? '' : 's'}; chain head ${result.headHash}\n`,
      ...(result.failures.length === 0 ? ['all verified\n'] : result.failures.map((f) => `FAILED ${f.recordId}\t${f.problem}\t${f.message}\n`)),
    ].join(''),
  );
  return result.failures.length === 0 ? 0 : EXIT_MODIFIED;
}
