import { extname, resolve } from 'node:path';
import type { RegisterExportResult } from '../../../shared/dto';
import { exportedFilePath } from '../../exported-bundles';
import { output, requireFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';
import { moveExport } from '../move-export';

/**
 * `pledge archive register --out FILE.csv|FILE.xlsx [IDS…] [--reveal]`: the register (台账) of the records
 * named (all of them without ids) through `archive.register`, the format taken from --out's extension. ID and
 * phone numbers and addresses are masked unless --reveal, which logs an `exported` event on each record shown.
 */
export async function archiveRegister(ctx: CliContext): Promise<void> {
  const out = resolve(ctx.io.cwd, requireFlag(ctx, 'out'));
  const extension = extname(out).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw new CliFailure('USAGE', `--out must end in .csv or .xlsx, not "${extname(out) || out}"`);
  const format = extension === '.csv' ? 'csv' : 'xlsx';
  const ids = ctx.positionals.map((id) => id.trim()).filter((id) => id !== '');
  const host = ctx.host();
  const result = unwrap<RegisterExportResult>(
    await host.dispatch('archive.register', { format, ...(ids.length > 0 ? { ids } : {}), ...(ctx.flags.reveal === true ? { reveal: true } : {}) }),
  );
  moveExport(exportedFilePath(host.dataDir, result.blobId, extension), out);
  const value = { out, format, records: result.records, bytes: result.bytes, sha256: result.blobId, revealed: result.revealed };
  output(ctx, value, () => `wrote the register of ${result.records} record${result.records === 1 ? '' : 's'} to ${out} (${result.bytes} bytes${result.revealed > 0 ? `; personal data of ${result.revealed} shown in full and logged` : ''})\n`);
}
