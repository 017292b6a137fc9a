import { describe, expect, it } from 'vitest';
import { parseFullBackupManifest } from '../../../../electron/core/backup/full-backup-format';
import { CoreError } from '../../../../electron/core/errors';

const SHA = 'ab'.repeat(32);
const DB = { path: 'pledge-desk.db', sha256: SHA, bytes: 4096 };
const manifest = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'pledge-desk-backup',
  formatVersion: 1,
  appVersion: '1.0.0',
  createdAt: '2026-11-28T02:30:00.000Z',
  schemaVersion: 4,
  records: 2,
  files: [DB, { path: `archive/${SHA}.pdf`, sha256: SHA, bytes: 10 }, { path: `scans/${SHA}`, sha256: SHA, bytes: 3 }],
  ...patch,
});

function refusal(raw: unknown): CoreError {
  try {
    parseFullBackupManifest(raw);
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected BACKUP_INVALID');
}

describe('parseFullBackupManifest', () => {
  it('reads a well-formed manifest', () => {
    expect(parseFullBackupManifest(manifest())).toMatchObject({ schemaVersion: 4, records: 2, files: [DB, expect.anything(), expect.anything()] });
  });

  it.each([
    ['another format', manifest({ format: 'pledge-desk-bundle' }), /not a Pledge Desk backup/],
    ['a newer format version', manifest({ formatVersion: 2 }), /format version 2, written by a newer Pledge Desk/],
    ['no database', manifest({ files: [{ path: `scans/${SHA}`, sha256: SHA, bytes: 3 }] }), /holds no pledge-desk\.db/],
    ['a path that climbs out', manifest({ files: [DB, { path: '../pledge-desk.db', sha256: SHA, bytes: 1 }] }), /unexpected path/],
    ['a file of an unknown folder', manifest({ files: [DB, { path: `blobs/${SHA}`, sha256: SHA, bytes: 1 }] }), /unexpected path/],
    ['a file listed twice', manifest({ files: [DB, DB] }), /listed twice/],
    ['a hash that is not hex', manifest({ files: [{ ...DB, sha256: 'XYZ' }] }), /without a SHA-256 or size/],
    ['a negative size', manifest({ files: [{ ...DB, bytes: -1 }] }), /without a SHA-256 or size/],
    ['no date', manifest({ createdAt: 'yesterday' }), /lacks appVersion or createdAt/],
  ])('refuses %s with BACKUP_INVALID', (_what, raw, message) => {
    const error = refusal(raw);
    expect(error.code).toBe('BACKUP_INVALID');
    expect(error.message).toMatch(message);
  });
});
