import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendEvent } from '../core/archive/append-event';
import { collectRegisterRows, type RegisterSelection } from '../core/archive/register/collect-register-rows';
import { registerCsv } from '../core/archive/register/register-csv';
import { registerXlsx } from '../core/archive/register/register-xlsx';
import { atomicWriteFile } from '../core/util/atomic-write-file';
import { sha256Hex } from '../core/util/sha256-hex';
import { EXPORTS_DIR, exportedFilePath } from './exported-bundles';
import type { Handlers } from './handlers';

/**
 * `archive.register`: the register (台账) of the selected records as CSV or XLSX, written atomically to
 * `exports/<sha256>.<ext>` (cleared at start-up and on redaction, like exported bundles). In the desktop app
 * the save dialog then copies it where the user says and the waiting copy goes; elsewhere the renderer
 * downloads it through the blob route and the CLI moves it to --out.
 *
 * Audit: a register with `reveal` appends one `exported` event ({register: sha256, format, personalData: true})
 * to each record whose personal data it shows in full, as soon as the file can leave the archive (at once for
 * a download; after the save dialog on the desktop, none when it is cancelled). A masked register holds only
 * what the search list shows and is not logged: listing 100,000 records would otherwise add 100,000 events.
 */
export const REGISTER_HANDLERS: Pick<Handlers, 'archive.register'> = {
  'archive.register': async (input, ctx) => {
    const now = ctx.clock();
    const reveal = input.reveal === true;
    const selection: RegisterSelection = input.ids ? { ids: input.ids } : input.filter ? { filter: input.filter } : 'all';
    const { rows, revealed } = collectRegisterRows(ctx.db, selection, { reveal });
    const bytes = input.format === 'csv' ? registerCsv(rows) : await registerXlsx(rows, now);
    const sha256 = sha256Hex(bytes);
    const extension = input.format === 'csv' ? '.csv' : '.xlsx';
    const path = exportedFilePath(ctx.dataDir, sha256, extension);
    mkdirSync(join(ctx.dataDir, EXPORTS_DIR), { recursive: true });
    atomicWriteFile(path, bytes);
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const fileName = `台账-${day}-${rows.length}${extension}`;
    let saved: { path: string | null } | null = null;
    if (ctx.ports.saveFile) {
      try {
        saved = { path: await ctx.ports.saveFile(fileName, sha256) };
      } finally {
        // Saved (or not): the waiting copy served only the dialog.
        rmSync(path, { force: true });
      }
    }
    const leaves = saved === null || saved.path !== null;
    if (leaves && revealed.length > 0) {
      ctx.db
        .transaction(() => {
          for (const id of revealed) appendEvent(ctx.db, { recordId: id, kind: 'exported', at: now.toISOString(), details: { register: sha256, format: input.format, personalData: true } });
        })
        .immediate();
    }
    return {
      blobId: sha256,
      url: `${ctx.blobUrlPrefix}${sha256}`,
      fileName,
      format: input.format,
      bytes: bytes.length,
      records: rows.length,
      revealed: leaves ? revealed.length : 0,
      ...(saved === null ? {} : { path: saved.path }),
    };
  },
};
