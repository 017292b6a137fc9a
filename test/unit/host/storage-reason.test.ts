import { describe, expect, it } from 'vitest';
import { storageReason } from '../../../electron/host/startup-problem';

describe('storageReason', () => {
  it.each([
    ['cannot write the database at /d/pledge-desk.db (SQLITE_FULL)', 'full'],
    ['ENOSPC: no space left on device, open', 'full'],
    ['cannot write the database at /d/pledge-desk.db (SQLITE_READONLY)', 'read-only'],
    ['EROFS: read-only file system, mkdir', 'read-only'],
    ['EACCES: permission denied, open', 'read-only'],
    ['cannot open the database at /d/pledge-desk.db: unable to open database file', undefined],
  ])('%s → %s', (message, reason) => {
    expect(storageReason(message)).toBe(reason);
  });
});
