import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../../../electron/core/archive/append-event';
import { ArchiveRepository } from '../../../../electron/core/archive/archive-repository';
import { verifyArchive } from '../../../../electron/core/archive/verify-archive';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { template, valuesFor } from '../archive/archive-fixture';

const AT = '2026-11-28T02:30:00.000Z';
const t = template('ecommerce-service');

/** A version-3 database (the ledger) with two records, one voided. */
function versionThreeDatabase(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 3), AT);
  db.prepare("INSERT INTO templates VALUES (?, ?, ?, 'builtin', ?, ?)").run(t.id, t.version, t.title, JSON.stringify(t), AT);
  const archive = new ArchiveRepository(db);
  for (const [i, id] of ['PD-20261128-AAAAAAAA', 'PD-20261128-BBBBBBBB'].entries()) {
    archive.insert(
      {
        id,
        templateId: t.id,
        templateVersion: t.version,
        title: t.title,
        signer: { type: '企业', name: '张三', phone: '13812345678' },
        values: valuesFor(t, '2026-11-28'),
        date: '2026-11-28',
        signedAt: `2026-11-28T0${i}:00:00.000Z`,
        fileSha256: String(i).repeat(64),
        fileBytes: 10,
        contentHash: 'c'.repeat(64),
        draftId: null,
      },
      t,
      String(i).repeat(32),
    );
  }
  appendEvent(db, { recordId: 'PD-20261128-AAAAAAAA', kind: 'voided', at: AT, details: { reason: '录入错误' } });
  return db;
}

const events = (db: Database.Database): unknown[] => db.prepare('SELECT * FROM events ORDER BY seq').all();

describe('migration 4 (imported events)', () => {
  it('keeps every event exactly, so the chain still verifies', () => {
    const db = versionThreeDatabase();
    const before = events(db);
    migrate(db, MIGRATIONS, '2027-01-01T00:00:00.000Z');
    expect(events(db)).toEqual(before);
    const result = verifyArchive(db, { readPdf: () => null, readScan: () => null });
    expect(result.events).toBe(3);
    expect(result.failures.filter((f) => f.problem !== 'pdf-missing')).toEqual([]);
  });

  it('allows the imported kind, and still refuses unknown kinds, updates and deletes', () => {
    const db = versionThreeDatabase();
    expect(() => appendEvent(db, { recordId: 'PD-20261128-BBBBBBBB', kind: 'imported', at: AT, details: {} })).toThrow(/CHECK constraint/);
    migrate(db, MIGRATIONS, AT);
    expect(appendEvent(db, { recordId: 'PD-20261128-BBBBBBBB', kind: 'imported', at: AT, details: { bundle: 'b'.repeat(64) } }).seq).toBe(4);
    expect(() => db.prepare("INSERT INTO events VALUES (9, 'PD-20261128-BBBBBBBB', 'teleported', ?, '{}', 'p', 'h')").run(AT)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE events SET at = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO events VALUES (10, 'PD-NOPE', 'imported', ?, '{}', 'p2', 'h2')").run(AT)).toThrow(/FOREIGN KEY/);
  });
});
