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
 * The save dialog's title and file-type filter for what is saved, from the suggested name's extension: a PDF,
 * a register (台账) as CSV or XLSX, an exchange bundle, or a full backup (`backup.export`).
 */
function fileKind(name: string): { title: string; filter: { name: string; extensions: string[] } } {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return { title: '保存台账', filter: { name: 'CSV', extensions: ['csv'] } };
  if (lower.endsWith('.xlsx')) return { title: '保存台账', filter: { name: 'Excel', extensions: ['xlsx'] } };
  if (lower.endsWith('.pledgebundle')) return { title: '保存交换包', filter: { name: 'Pledge Desk 交换包', extensions: ['pledgebundle'] } };
  if (lower.endsWith('.pledgebackup')) return { title: '保存全部数据的备份', filter: { name: 'Pledge Desk 备份', extensions: ['pledgebackup'] } };
  return { title: '保存承诺书 PDF', filter: { name: 'PDF', extensions: ['pdf'] } };
}

/**
 * Lets the user save a copy of a stored PDF (or a register waiting in the data folder) wherever they choose.
 * The bytes come from the host, the path from the OS dialog only: the renderer never names a path, so it
 * cannot write anywhere by itself.
 *
 * Resolves to the chosen path, or null when the user cancelled. Throws when the blob is missing.
 */
export async function savePdf(host: Pick<Host, 'readBlob'>, options: SavePdfOptions): Promise<string | null> {
  const blob = host.readBlob(options.blobId);
  if (blob === null) throw new Error('savePdf: no such PDF');
  const kind = fileKind(options.suggestedName);
  const dialogOptions = {
    title: kind.title,
    defaultPath: options.suggestedName,
    filters: [kind.filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const result = options.parent
    ? await dialog.showSaveDialog(options.parent, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  await writeFile(result.filePath, blob.bytes);
  return result.filePath;
}
