import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deletes every file in `dir` (transient files that may hold personal data: exported bundles, printed copies).
 * Best effort: a missing folder is fine, and a read-only one is left as it is for the next start to retry.
 */
export function clearFolder(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // read-only folder: the next start tries again
    }
  }
}
