import { resolve } from 'node:path';
import type { BundleExportResult } from '../../../shared/dto';
import { exportedBundlePath } from '../../exported-bundles';
import { output, requireFlag, stringFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';
import { moveExport } from '../move-export';

/**
 * `pledge archive export (--ids A,B | --all | IDS…) --out FILE.pledgebundle [--include-personal-data]`: writes
 * an exchange bundle through `archive.exportBundle`, then moves it from the data folder to --out.
 */
export async function archiveExport(ctx: CliContext): Promise<void> {
  const out = resolve(ctx.io.cwd, requireFlag(ctx, 'out'));
  const ids = [...(stringFlag(ctx, 'ids') ?? '').split(','), ...ctx.positionals].map((id) => id.trim()).filter((id) => id !== '');
  const all = ctx.flags.all === true;
  if (all === (ids.length > 0)) throw new CliFailure('USAGE', 'give the records to export: --ids A,B (or the ids as arguments), or --all');
  const host = ctx.host();
  const result = unwrap<BundleExportResult>(
    await host.dispatch('archive.exportBundle', { ...(all ? { all: true } : { ids }), includePersonalData: ctx.flags['include-personal-data'] === true }),
  );
  moveExport(exportedBundlePath(host.dataDir, result.blobId), out);
  const value = { out, bytes: result.bytes, records: result.records, sha256: result.blobId };
  output(ctx, value, () => `exported ${result.records} record${result.records === 1 ? '' : 's'} to ${out} (${result.bytes} bytes, sha256 ${result.blobId})\n`);
}
