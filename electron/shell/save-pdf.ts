import { writeFile } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { Host } from '../host/host';

export interface SavePdfOptions {
  /** Id of the stored PDF (hex SHA-256). */
  blobId: string;
  /** File name offered in the dialog, e.g. `承诺书-2025-01-31.pdf`. */
  suggestedName: string;
  /** Window the dialog is modal to; omitted in tests and for a window-less call. */
  parent?: BrowserWindow;
}

/**
 * Lets the user save a copy of a stored PDF wherever they choose. The bytes come from the host, the path from
 * the OS dialog only: the renderer never names a path, so it cannot write anywhere by itself.
 *
 * Resolves to the chosen path, or null when the user cancelled. Throws when the blob is missing.
 */
export async function savePdf(host: Pick<Host, 'readBlob'>, options: SavePdfOptions): Promise<string | null> {
  const blob = host.readBlob(options.blobId);
  if (blob === null) throw new Error('savePdf: no such PDF');
  // The same port saves full backups (`backup.export`): the dialog follows the suggested name's extension.
  const backup = options.suggestedName.endsWith('.pledgebackup');
  const dialogOptions = {
    title: backup ? '保存全部数据的备份' : '保存承诺书 PDF',
    defaultPath: options.suggestedName,
    filters: [backup ? { name: 'Pledge Desk 备份', extensions: ['pledgebackup'] } : { name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const result = options.parent
    ? await dialog.showSaveDialog(options.parent, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  await writeFile(result.filePath, blob.bytes);
  return result.filePath;
}
