import { resolve } from 'node:path';
import type { BackupExportResult } from '../../../shared/dto';
import { restoreFullBackup } from '../../../core/backup/restore-full-backup';
import { exportedBackupPath } from '../../exported-bundles';
import { output, requireFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';
import { moveExport } from '../move-export';

/**
 * `pledge backup --out FILE.pledgebackup`: a full backup (database snapshot, archived PDFs and scans, and a
 * manifest of their SHA-256) through `backup.export`, moved from the data folder to --out (see `moveExport`:
 * never half written). `--json`: exactly `{"out","bytes"}` (issue #6's shape);
 * the human line also says how many records and files it holds and the file's SHA-256.
 */
export async function backupFull(ctx: CliContext): Promise<void> {
  if (ctx.positionals.length > 0) throw new CliFailure('USAGE', `unknown command "backup ${ctx.positionals.join(' ')}"; see pledge --help`);
  const out = resolve(ctx.io.cwd, requireFlag(ctx, 'out'));
  const host = ctx.host();
  const result = unwrap<BackupExportResult>(await host.dispatch('backup.export', {}));
  moveExport(exportedBackupPath(host.dataDir, result.blobId), out);
  const value = { out, bytes: result.bytes };
  output(ctx, value, () => `backed up ${result.records} record${result.records === 1 ? '' : 's'} and ${result.files} file${result.files === 1 ? '' : 's'} to ${out} (${result.bytes} bytes, sha256 ${result.blobId})\n`);
}

/**
 * `pledge restore FILE.pledgebackup`: with the app closed, puts a full backup into the data folder, which must
 * be empty (no database, or a brand-new one with no data; no archived PDFs or scans): see `restoreFullBackup`.
 * Every file's SHA-256 is checked before anything is written. Opens no host.
 */
export async function restoreFull(ctx: CliContext): Promise<void> {
  const [file, ...rest] = ctx.positionals;
  if (!file || rest.length > 0) throw new CliFailure('USAGE', 'give one backup file: pledge restore FILE.pledgebackup');
  const result = restoreFullBackup(ctx.dataDir, resolve(ctx.io.cwd, file), new Date());
  const value = {
    dataDir: ctx.dataDir,
    createdAt: result.manifest.createdAt,
    records: result.manifest.records,
    files: result.files,
    bytes: result.bytes,
    movedAside: result.movedAside,
    backup: result.backup?.name ?? null,
  };
  output(ctx, value, () =>
    [
      `restored the backup of ${result.manifest.createdAt} into ${ctx.dataDir}: ${result.manifest.records} record${result.manifest.records === 1 ? '' : 's'}, ${result.files} file${result.files === 1 ? '' : 's'} (${result.bytes} bytes)\n`,
      ...result.movedAside.map((p) => `kept the empty database it replaced as ${p}\n`),
    ].join(''),
  );
}
