import { join } from 'node:path';
import { backupDatabase } from '../core/db/backup-database';
import { BACKUP_DIR, listBackups } from '../core/db/backup-files';
import { CoreError } from '../core/errors';
import type { Handlers } from './handlers';
import { restoreCommand } from './startup-problem';

/** Backups of the database. `backup.restore` does its work only in the recovery host (see `createRecoveryHost`). */
export const BACKUP_HANDLERS: Pick<Handlers, 'backup.create' | 'backup.list' | 'backup.restore'> = {
  'backup.create': (_input, ctx) => backupDatabase(ctx.db, join(ctx.dataDir, BACKUP_DIR), ctx.clock(), 'manual'),
  'backup.list': (_input, ctx) => listBackups(join(ctx.dataDir, BACKUP_DIR)),
  'backup.restore': (_input, ctx) => {
    throw new CoreError(
      'DB_NOT_DAMAGED',
      `the database opened normally and is in use; restoring a backup would drop everything archived since it was taken. To roll back anyway, close the app and run: ${restoreCommand(ctx.dataDir)} --force`,
    );
  },
};
