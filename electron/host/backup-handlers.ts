import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { FULL_BACKUP_EXTENSION } from '../core/backup/full-backup-format';
import { writeFullBackup } from '../core/backup/write-full-backup';
import { backupDatabase } from '../core/db/backup-database';
import { BACKUP_DIR, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';
import { APP_VERSION } from './app-version';
import { EXPORTS_DIR, exportedBackupPath } from './exported-bundles';
import type { Handlers } from './handlers';
import { restoreCommand } from './startup-problem';

/** Backups of the database. `backup.restore` does its work only in the recovery host (see `createRecoveryHost`). */
export const BACKUP_HANDLERS: Pick<Handlers, 'backup.create' | 'backup.list' | 'backup.restore' | 'backup.export'> = {
  'backup.create': (_input, ctx) => backupDatabase(ctx.db, join(ctx.dataDir, BACKUP_DIR), ctx.clock(), 'manual'),
  'backup.list': (_input, ctx) => listBackups(join(ctx.dataDir, BACKUP_DIR)),
  'backup.restore': (_input, ctx) => {
    throw new CoreError(
      'DB_NOT_DAMAGED',
      `the database opened normally and is in use; restoring a backup would drop everything archived since it was taken. To roll back anyway, close the app and run: ${restoreCommand(ctx.dataDir)} --force`,
    );
  },
  'backup.export': async (_input, ctx) => {
    const now = ctx.clock();
    const dir = join(ctx.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.backup-${randomBytes(6).toString('hex')}.tmp`);
    const written = await writeFullBackup(ctx.db, { dataDir: ctx.dataDir, path: tmp, now, appVersion: APP_VERSION });
    const stored = exportedBackupPath(ctx.dataDir, written.sha256);
    try {
      renameSync(tmp, stored);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const fileName = `承诺书备份-${day}${FULL_BACKUP_EXTENSION}`;
    const result = {
      blobId: written.sha256,
      url: `${ctx.blobUrlPrefix}${written.sha256}`,
      bytes: written.bytes,
      records: written.manifest.records,
      files: written.manifest.files.length - 1,
      fileName,
      path: null as string | null,
    };
    if (!ctx.ports.saveFile) return result;
    // Desktop: the user picks the place; the copy in the data folder was only waiting for that.
    try {
      return { ...result, path: await ctx.ports.saveFile(fileName, written.sha256) };
    } finally {
      rmSync(stored, { force: true });
    }
  },
};
