import { rmSync } from 'node:fs';
import { CoreError } from '../core/errors';
import { plainFileName } from './archive-handlers';
import { exportedFileExtension, exportedFilePath } from './exported-bundles';
import type { Handlers } from './handlers';

/**
 * `exports.save`: the desktop's way to keep a file the host left in `exports/` — a bundle written by a job
 * cannot open a dialog itself, and the desktop window does not download (downloads are cancelled by the
 * session guard). The renderer names only the blob and a suggested name; the path comes from the OS dialog.
 */
export const EXPORT_HANDLERS: Pick<Handlers, 'exports.save'> = {
  'exports.save': async (input, ctx) => {
    if (!ctx.ports.saveFile) throw new CoreError('NOT_AVAILABLE', 'this host has no save dialog: download the file instead');
    const extension = exportedFileExtension(ctx.dataDir, input.blobId);
    if (extension === null) throw new CoreError('BLOB_NOT_FOUND', `no exported file ${input.blobId} is waiting`, 'blobId');
    // The dialog's file type follows the name: a name with another extension would save a bundle as ".pdf".
    const name = plainFileName(input.fileName);
    if (!name.toLowerCase().endsWith(extension)) throw new CoreError('VALIDATION', `the file name must end with ${extension}`, 'fileName');
    const path = await ctx.ports.saveFile(name, input.blobId);
    // Saved: the waiting copy (it may hold personal data) has done its job. Cancelled: kept for another try.
    if (path !== null) rmSync(exportedFilePath(ctx.dataDir, input.blobId, extension), { force: true });
    return { path };
  },
};
