import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupInfo } from '../../../shared/dto';
import { BACKUP_DIR, listBackups } from '../../../core/db/backup-files';
import { restoreLatestBackup } from '../../restore-latest-backup';
import { output, stringFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

const human = (b: BackupInfo): string => `${b.name}\t${b.createdAt}\t${b.kind}\t${b.bytes} bytes\n`;

/** `pledge backup list`: the backups in the data folder, newest first. Reads no database, so it works on a damaged one. */
export async function backupList(ctx: CliContext): Promise<void> {
  const backups = listBackups(join(ctx.dataDir, BACKUP_DIR));
  output(ctx, backups, () => (backups.length === 0 ? 'no backups\n' : backups.map(human).join('')));
}

/** `pledge backup create [--out FILE]`: an online backup into the backups folder, copied to --out when given. */
export async function backupCreate(ctx: CliContext): Promise<void> {
  const outFlag = stringFlag(ctx, 'out');
  const backup = unwrap<BackupInfo>(await ctx.host().dispatch('backup.create', {}));
  let out: string | undefined;
  if (outFlag) {
    out = resolve(ctx.io.cwd, outFlag);
    try {
      copyFileSync(backup.path, out);
    } catch (error) {
      throw new CliFailure('STORAGE_UNAVAILABLE', `cannot write ${out}: ${(error as Error).message}`);
    }
  }
  output(ctx, { ...backup, ...(out ? { out } : {}) }, () => `backed up to ${backup.path}${out ? ` and ${out}` : ''} (${backup.bytes} bytes)\n`);
}

/**
 * `pledge backup restore [--force]`: with the app closed, replaces a damaged (or missing) database with the
 * newest sound backup; the damaged file is kept as `pledge-desk.db.damaged-<timestamp>`. Opens no host: the
 * database may be unreadable. A database that is not damaged is refused (exit 2) unless --force.
 */
export async function backupRestore(ctx: CliContext): Promise<void> {
  const result = restoreLatestBackup(ctx.dataDir, { force: ctx.flags.force === true });
  output(ctx, result, () =>
    [
      `restored ${result.restored.name} (taken ${result.restored.createdAt})\n`,
      ...result.movedAside.map((p) => `kept the replaced file as ${p}\n`),
      ...result.skipped.map((s) => `passed over ${s.name}: ${s.problem}\n`),
      'Records archived after the backup was taken are not in the restored database; their PDFs stay in the archive folder.\n',
    ].join(''),
  );
}
