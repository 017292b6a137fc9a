import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArchiveDbRow, rowContent } from '../../../../electron/core/archive/archive-row';
import { archiveRowHash } from '../../../../electron/core/archive/chain-hash';
import type { PersonalData } from '../../../../electron/core/archive/personal-data';
import { searchArchive } from '../../../../electron/core/archive/search-archive';
import { verifyArchive } from '../../../../electron/core/archive/verify-archive';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index';
import { sha256 } from '../../../support/jcs';
import { removeTempDirs } from '../../../support/temp-dir';
import { template, valuesFor } from './archive-fixture';

const AT = '2026-11-28T02:30:00.000Z';
const LATER = '2027-02-01T00:00:00.000Z';
const ecommerce = template('ecommerce-service');
const antiFraud = template('integrity-anti-fraud');
const pdf = (id: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7 ${id}`);

/** A version-2 database with three records as migration 1 stored them, personal numbers inside signer_json. */
function versionTwoDatabase(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 2), AT);
  for (const t of [ecommerce, antiFraud]) {
    db.prepare("INSERT INTO templates VALUES (?, ?, ?, 'builtin', ?, ?)").run(t.id, t.version, t.title, JSON.stringify(t), AT);
  }
  const insert = db.prepare(
    `INSERT INTO archive (id, kind, template_id, template_version, title, signer_name, organisation, signer_json,
       values_json, sign_date, signed_at, file_sha256, file_bytes, content_hash, draft_id)
     VALUES (?, 'composed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  // Inserted in an order that is not the ids' order: the chain must follow insertion (rowid) order.
  const rows = [
    { id: 'PD-20261120-ZZZZZZZZ', t: ecommerce, signer: { type: '企业', name: '王五', organisation: '义乌星辰贸易有限公司', phone: '13812345678' }, values: valuesFor(ecommerce, '2026-11-20') },
    { id: 'PD-20261121-AAAAAAAA', t: antiFraud, signer: { type: '个人', name: '赵六', idNumber: '110101199003074514', address: '浙江省杭州市文三路 1 号' }, values: valuesFor(antiFraud, '2026-11-21', { 'closing-1': '13987654321' }) },
    { id: 'PD-20261122-MMMMMMMM', t: ecommerce, signer: { type: '企业', name: '孙七', organisation: '深圳锦程科技有限公司' }, values: valuesFor(ecommerce, '2026-11-22') },
  ];
  for (const r of rows) {
    const date = r.id.slice(3, 11).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    insert.run(r.id, r.t.id, r.t.version, r.t.title, r.signer.name, r.signer.organisation ?? null, JSON.stringify(r.signer), JSON.stringify(r.values), date, `${date}T03:00:00.000Z`, sha256(pdf(r.id)), 20, 'c'.repeat(64));
  }
  return db;
}

let db: Database.Database;

beforeAll(() => {
  db = versionTwoDatabase();
  migrate(db, MIGRATIONS, LATER);
});

afterAll(() => {
  db.close();
  removeTempDirs();
});

const rows = (): Array<ArchiveDbRow & { rowid: number }> => db.prepare('SELECT rowid, * FROM archive ORDER BY rowid').all() as Array<ArchiveDbRow & { rowid: number }>;

describe('migration 3 on a database with archived records', () => {
  it('keeps every record, in its rowid order, with its columns', () => {
    expect(rows().map((r) => [r.id, r.signer_name, r.sign_date])).toEqual([
      ['PD-20261120-ZZZZZZZZ', '王五', '2026-11-20'],
      ['PD-20261121-AAAAAAAA', '赵六', '2026-11-21'],
      ['PD-20261122-MMMMMMMM', '孙七', '2026-11-22'],
    ]);
    expect(db.prepare('SELECT id, name, applied_at FROM schema_migrations WHERE id = 3').get()).toEqual({ id: 3, name: 'archive_ledger', applied_at: LATER });
  });

  it('moves ID and phone numbers, addresses and phone blanks out of the rows into personal_data, by salted hash', () => {
    const [a, b, c] = rows() as unknown as [ArchiveDbRow, ArchiveDbRow, ArchiveDbRow];
    expect(JSON.parse(a.signer_json)).toEqual({ type: '企业', name: '王五', organisation: '义乌星辰贸易有限公司' });
    expect(JSON.parse(b.signer_json)).toEqual({ type: '个人', name: '赵六' });
    expect(JSON.parse(b.values_json)).not.toHaveProperty('closing-1');
    expect(c.personal_hash).toBeNull();
    for (const row of [a, b]) {
      const json = db.prepare('SELECT json FROM personal_data WHERE hash = ?').pluck().get(row.personal_hash) as string;
      expect(sha256(json)).toBe(row.personal_hash);
      expect((JSON.parse(json) as PersonalData).salt).toMatch(/^[0-9a-f]{32}$/);
    }
    const personal = (row: ArchiveDbRow): PersonalData => JSON.parse(db.prepare('SELECT json FROM personal_data WHERE hash = ?').pluck().get(row.personal_hash) as string) as PersonalData;
    expect(personal(a)).toMatchObject({ signer: { phone: '13812345678' }, values: {} });
    expect(personal(b)).toMatchObject({ signer: { idNumber: '110101199003074514', address: '浙江省杭州市文三路 1 号' }, values: { 'closing-1': '13987654321' } });
    const leaks = db.prepare("SELECT count(*) FROM archive WHERE signer_json LIKE '%138123%' OR values_json LIKE '%139876%' OR signer_json LIKE '%11010119%'").pluck().get();
    expect(leaks).toBe(0);
  });

  it('opens the chain with one signed event per record, in rowid order, each carrying its row hash', () => {
    const events = db.prepare('SELECT seq, record_id, kind, at, details_json FROM events ORDER BY seq').all() as Array<{ seq: number; record_id: string; kind: string; at: string; details_json: string }>;
    expect(events.map((e) => [e.seq, e.record_id, e.kind, e.at])).toEqual(rows().map((r, i) => [i + 1, r.id, 'signed', r.signed_at]));
    rows().forEach((row, i) => {
      expect(JSON.parse((events[i] as { details_json: string }).details_json)).toEqual({
        rowHash: archiveRowHash(rowContent(row)),
        fileSha256: row.file_sha256,
        contentHash: row.content_hash,
        chainedAt: LATER,
      });
    });
  });

  it('leaves an archive that verifies: chain, rows, files and personal data', () => {
    const files = new Map(rows().map((r) => [r.file_sha256, pdf(r.id)]));
    const result = verifyArchive(db, { readPdf: (sha) => files.get(sha) ?? null, readScan: () => null });
    expect(result).toMatchObject({ checked: 3, events: 3, failures: [] });
  });

  it('indexes the records for search: names, 1–2 character names, clause text', () => {
    expect(searchArchive(db, { query: '星辰贸易' }).items.map((i) => i.id)).toEqual(['PD-20261120-ZZZZZZZZ']);
    expect(searchArchive(db, { query: '赵六' }).items.map((i) => i.id)).toEqual(['PD-20261121-AAAAAAAA']);
    expect(searchArchive(db, { query: '数据安全检查' }).total).toBe(2);
    expect(searchArchive(db, { query: '13812345678' }).total).toBe(0);
  });

  it('keeps rows append-only with new triggers, and adds them to events and personal_data', () => {
    expect(() => db.prepare("UPDATE archive SET title = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM archive').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE events SET at = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE personal_data SET json = '{}'").run()).toThrow(/never changed/);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(3);
  });

  it("allows kind 'stamped' and refuses unknown kinds and event kinds", () => {
    const insert = (kind: string): unknown =>
      db.prepare(
        `INSERT INTO archive (id, kind, template_id, template_version, title, signer_name, signer_json, values_json, sign_date, signed_at, file_sha256, file_bytes, content_hash)
         VALUES (?, ?, 't', 'v', 'x', 'y', '{}', '{}', '2026-11-28', ?, 'f', 1, 'c')`,
      ).run(`PD-20261128-${kind.toUpperCase().padEnd(8, 'X').slice(0, 8)}`, kind, AT);
    expect(() => insert('stamped')).not.toThrow();
    expect(() => insert('scanned')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO events (seq, record_id, kind, at, details_json, prev_hash, hash) VALUES (99, 'PD-20261120-ZZZZZZZZ', 'deleted', ?, '{}', 'p', 'h')").run(AT),
    ).toThrow(/CHECK/);
  });

  it('applies to an empty version-2 database too', () => {
    const empty = new Database(':memory:');
    migrate(empty, MIGRATIONS.slice(0, 2), AT);
    migrate(empty, MIGRATIONS, LATER);
    expect(empty.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    empty.close();
  });
});
