import type { MethodInput } from '../../electron/shared/api';
import type { ApiResult } from '../../electron/shared/api-error';

/** What was imported: pasted text, or an uploaded file (kept by its blob id, so "全部导入" reads the same bytes). */
export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; fileName: string; blobId: string };

/** The file kinds the importer reads, for `<input accept>`. */
export const IMPORT_ACCEPT = '.txt,.md,.html,.htm,.docx,.doc';

/** The host's import limit (20 MB); a larger file is refused before it is uploaded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The `templates.parse` / `templates.import` input for a source. */
export function sourceInput(source: ImportSource): MethodInput<'templates.parse'> {
  return source.kind === 'text' ? { text: source.text } : { blobId: source.blobId, fileName: source.fileName };
}

/** Checks a chosen file before reading it: empty and oversized files get the importer's own error codes. */
export function checkImportFile(file: { name: string; size: number }): ApiResult<null> {
  if (file.size === 0) return { ok: false, error: { code: 'IMPORT_EMPTY', message: `${file.name} is empty` } };
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'IMPORT_TOO_LARGE', message: `${file.name} is larger than 20 MB` } };
  }
  return { ok: true, value: null };
}
