import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../../../electron/core/archive/append-event';
import { ArchiveRepository } from '../../../../electron/core/archive/archive-repository';
import { verifyArchive } from '../../../../electron/core/archive/verify-archive';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { template, valuesFor } from '../archive/archive-fixture';

const AT = '2026-11-28T02:30:00.000Z';
const ID = 'PD-20261128-AAAAAAAA';
const t = template('ecommerce-service');

/** A version-4 database (imported events) with one record, printed once and imported from a bundle. */
function versionFourDatabase(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 4), AT);
  db.prepare("INSERT INTO templates VALUES (?, ?, ?, 'builtin', ?, ?)").run(t.id, t.version, t.title, JSON.stringify(t), AT);
  new ArchiveRepository(db).insert(
    {
      id: ID,
      templateId: t.id,
      templateVersion: t.version,
      title: t.title,
      signer: { type: '企业', name: '张三', phone: '13812345678' },
      values: valuesFor(t, '2026-11-28'),
      date: '2026-11-28',
      signedAt: '2026-11-28T01:00:00.000Z',
      fileSha256: '1'.repeat(64),
      fileBytes: 10,
      contentHash: 'c'.repeat(64),
      draftId: null,
    },
    t,
    '1'.repeat(32),
  );
  appendEvent(db, { recordId: ID, kind: 'printed', at: AT, details: { copies: 2 } });
  appendEvent(db, { recordId: ID, kind: 'imported', at: AT, details: { bundle: 'b'.repeat(64) } });
  return db;
}

const events = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM events ORDER BY seq').all();

describe('migration 6 (revealed events)', () => {
  it('keeps every event exactly, so the chain still verifies', () => {
    const db = versionFourDatabase();
    const before = events(db);
    migrate(db, MIGRATIONS, '2027-01-01T00:00:00.000Z');
    expect(events(db)).toEqual(before);
    const result = verifyArchive(db, { readPdf: () => null, readScan: () => null });
    expect(result.events).toBe(3);
    expect(result.failures.filter((f) => f.problem !== 'pdf-missing')).toEqual([]);
  });

  it('allows the revealed kind, and still refuses unknown kinds, updates and deletes', () => {
    const db = versionFourDatabase();
    const revealed = { recordId: ID, kind: 'revealed', at: AT, details: { via: 'cli', fields: ['signer.phone'] } } as const;
    expect(() => appendEvent(db, revealed)).toThrow(/CHECK constraint/);
    migrate(db, MIGRATIONS, AT);
    expect(appendEvent(db, revealed).seq).toBe(4);
    expect(verifyArchive(db, { readPdf: () => null, readScan: () => null }).failures.filter((f) => f.problem !== 'pdf-missing')).toEqual([]);
    expect(() => db.prepare("INSERT INTO events VALUES (9, ?, 'teleported', ?, '{}', 'p', 'h')").run(ID, AT)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE events SET at = 'x' WHERE seq = 4").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 4').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO events VALUES (10, 'PD-NOPE', 'revealed', ?, '{}', 'p2', 'h2')").run(AT)).toThrow(/FOREIGN KEY/);
  });
});
