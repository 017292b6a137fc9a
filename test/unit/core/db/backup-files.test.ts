import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupStamp, listBackups, nextBackupName, parseBackupName, pruneAutomaticBackups } from '../../../../electron/core/db/backup-files';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';

afterAll(removeTempDirs);

describe('backup names', () => {
  it('stamp an instant in UTC, to the second', () => {
    expect(backupStamp(new Date('2026-11-28T02:30:07.999Z'))).toBe('20261128T023007Z');
  });

  it.each([
    ['pledge-desk-20261128T023000Z.db', { createdAt: '2026-11-28T02:30:00.000Z', n: 1, kind: 'automatic' }],
    ['pledge-desk-20261128T023000Z-3.db', { createdAt: '2026-11-28T02:30:00.000Z', n: 3, kind: 'automatic' }],
    ['pledge-desk-20261128T023000Z-manual.db', { createdAt: '2026-11-28T02:30:00.000Z', n: 1, kind: 'manual' }],
    ['pledge-desk-20261128T023000Z-2-manual.db', { createdAt: '2026-11-28T02:30:00.000Z', n: 2, kind: 'manual' }],
  ])('parse %s', (name, expected) => {
    const parsed = parseBackupName(name);
    expect(parsed && { ...parsed, createdAt: parsed.createdAt.toISOString() }).toEqual(expected);
  });

  it.each(['pledge-desk.db', 'pledge-desk-20261340T023000Z.db', 'pledge-desk-20261128T023000Z.db-wal', '.backup-1.tmp', 'other-20261128T023000Z.db'])('ignore %s', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });
});

describe('listBackups, nextBackupName, pruneAutomaticBackups', () => {
  const at = (iso: string): Date => new Date(iso);

  it('lists newest first, ignoring other files; a missing folder lists nothing', () => {
    const dir = makeTempDir('pledge-backups-');
    for (const name of ['pledge-desk-20261127T000000Z.db', 'pledge-desk-20261128T000000Z-manual.db', 'pledge-desk-20261128T000000Z-2-manual.db', 'notes.txt', '.backup-x.tmp']) {
      writeFileSync(join(dir, name), 'x');
    }
    expect(listBackups(dir).map((b) => b.name)).toEqual(['pledge-desk-20261128T000000Z-2-manual.db', 'pledge-desk-20261128T000000Z-manual.db', 'pledge-desk-20261127T000000Z.db']);
    expect(listBackups(join(dir, 'absent'))).toEqual([]);
  });

  it('numbers backups of the same second', () => {
    const dir = makeTempDir('pledge-backups-');
    const when = at('2026-11-28T00:00:00Z');
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, nextBackupName(dir, when, 'automatic')), 'x');
    expect(readdirSync(dir).sort()).toEqual(['pledge-desk-20261128T000000Z-2.db', 'pledge-desk-20261128T000000Z-3.db', 'pledge-desk-20261128T000000Z.db']);
  });

  it('keeps the newest automatic backups and every manual one; never the protected one', () => {
    const dir = makeTempDir('pledge-backups-');
    for (let day = 1; day <= 9; day++) writeFileSync(join(dir, `pledge-desk-202612${String(day).padStart(2, '0')}T000000Z.db`), 'x');
    writeFileSync(join(dir, 'pledge-desk-20261101T000000Z-manual.db'), 'x');
    // A backup taken while the clock was set back sorts oldest, but it is the one just made: it stays.
    writeFileSync(join(dir, 'pledge-desk-20200101T000000Z.db'), 'x');
    const removed = pruneAutomaticBackups(dir, 7, 'pledge-desk-20200101T000000Z.db');
    expect(removed.sort()).toEqual(['pledge-desk-20261201T000000Z.db', 'pledge-desk-20261202T000000Z.db', 'pledge-desk-20261203T000000Z.db']);
    expect(listBackups(dir).filter((b) => b.kind === 'automatic')).toHaveLength(7);
    expect(readdirSync(dir)).toContain('pledge-desk-20261101T000000Z-manual.db');
    expect(readdirSync(dir)).toContain('pledge-desk-20200101T000000Z.db');
  });
});
