/** Where an opened file goes: the stamp screen, the verify screen or the bundle import screen. */
export type OpenedFileTarget = 'stamp' | 'verify' | 'bundle';

/** A file the host already stored as a blob (see `app.openedFiles`). */
export interface HandedFile {
  fileName: string;
  blobId: string;
}

/**
 * Files handed from the "opened with Pledge Desk" dialog to the screen that takes them. Kept in memory, not in
 * the screen state (sessionStorage): a reload should not open the same file a second time.
 */
const waiting = new Map<OpenedFileTarget, HandedFile>();

export function handOver(target: OpenedFileTarget, file: HandedFile): void {
  waiting.set(target, file);
}

/** The file waiting for `target`, once: the next call returns null. */
export function takeHandedOver(target: OpenedFileTarget): HandedFile | null {
  const file = waiting.get(target) ?? null;
  waiting.delete(target);
  return file;
}

/**
 * A stored blob's bytes as a `File`, read from `/blobs/<id>` on the page's own origin (served by `pledge serve`
 * and by the Electron app protocol alike, so the CSP keeps `connect-src 'self'`).
 */
export async function blobAsFile(file: HandedFile, type: string): Promise<File> {
  const res = await fetch(`/blobs/${file.blobId}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${file.fileName}: HTTP ${res.status}`);
  return new File([await res.blob()], file.fileName, { type });
}
