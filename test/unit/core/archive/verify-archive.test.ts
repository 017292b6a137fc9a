import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../../../../electron/core/archive/content-store';
import { verifyArchive, verifyArchiveSteps } from '../../../../electron/core/archive/verify-archive';
import { openDatabase } from '../../../../electron/core/db/open-database';
import type { VerifyAllResult } from '../../../../electron/shared/dto';
import { removeTempDirs } from '../../../support/temp-dir';
import { archiveFixture } from './archive-fixture';

afterAll(removeTempDirs);

const SIGNER = { type: '个人' as const, name: '钱八', phone: '13812345678' };

/** Five records written through the archive code, the database closed; returns its folder and ids. */
function archivedFive(): { dataDir: string; ids: string[] } {
  const fx = archiveFixture();
  const ids = [1, 2, 3, 4, 5].map((n) => fx.add({ signer: n === 3 ? SIGNER : undefined }));
  fx.db.close();
  return { dataDir: fx.dataDir, ids };
}

/** Changes the database behind Pledge Desk's back: a raw connection, append-only triggers dropped. */
function tamper(dataDir: string, sql: string): void {
  const raw = new Database(join(dataDir, 'pledge-desk.db'));
  raw.pragma('foreign_keys = OFF');
  raw.exec(
    'DROP TRIGGER IF EXISTS archive_no_update; DROP TRIGGER IF EXISTS archive_no_delete; DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;',
  );
  raw.exec(sql);
  raw.close();
}

function check(dataDir: string, batchSize = 2): VerifyAllResult {
  const db = openDatabase(join(dataDir, 'pledge-desk.db'), new Date());
  try {
    const pdfs = new ContentStore(join(dataDir, 'archive'), '.pdf');
    const scans = new ContentStore(join(dataDir, 'scans'), '');
    return verifyArchive(db, { readPdf: (sha) => pdfs.get(sha), readScan: (sha) => scans.get(sha) }, batchSize);
  } finally {
    db.close();
  }
}

const problems = (result: VerifyAllResult): Array<[string, string]> => result.failures.map((f) => [f.recordId, f.problem]);

describe('verifyArchive', () => {
  it('passes an untouched archive, in batches, and reports the chain head', () => {
    const { dataDir } = archivedFive();
    const result = check(dataDir);
    expect(result).toMatchObject({ checked: 5, events: 5, failures: [] });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports progress batch by batch: the chain, then the records', () => {
    const { dataDir } = archivedFive();
    const db = openDatabase(join(dataDir, 'pledge-desk.db'), new Date());
    const pdfs = new ContentStore(join(dataDir, 'archive'), '.pdf');
    const steps = verifyArchiveSteps(db, { readPdf: (sha) => pdfs.get(sha), readScan: () => null }, 2);
    const progress: string[] = [];
    let next = steps.next();
    while (!next.done) {
      progress.push(`${next.value.phase} ${next.value.done}/${next.value.total}`);
      next = steps.next();
    }
    db.close();
    expect(progress).toEqual(['chain 2/5', 'chain 4/5', 'chain 5/5', 'records 2/5', 'records 4/5', 'records 5/5']);
    expect(next.value.failures).toEqual([]);
  });

  it('names a record whose row was edited (one field)', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, `UPDATE archive SET signer_name = '李四' WHERE id = '${ids[1]}'`);
    expect(problems(check(dataDir))).toEqual([[ids[1], 'row-altered']]);
  });

  it('names a record whose values JSON was edited', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, `UPDATE archive SET values_json = json_set(values_json, '$."c2.2-1"', '1') WHERE id = '${ids[3]}'`);
    expect(problems(check(dataDir))).toEqual([[ids[3], 'row-altered']]);
  });

  it('names a record whose row was deleted', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, `DELETE FROM archive WHERE id = '${ids[2]}'`);
    const result = check(dataDir);
    expect(problems(result)).toEqual([[ids[2], 'row-missing']]);
    expect(result.checked).toBe(4);
  });

  it('names the records around events that were reordered', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, 'UPDATE events SET seq = -2 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = -2;');
    const result = problems(check(dataDir));
    expect(result).toContainEqual([ids[2], 'chain-broken']);
    expect(result).toContainEqual([ids[1], 'chain-broken']);
  });

  it('names the record whose event was edited, and the next one when the hash was recomputed to hide it', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, "UPDATE events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2");
    expect(problems(check(dataDir))).toEqual([[ids[1], 'event-altered']]);
    tamper(dataDir, "UPDATE events SET hash = 'f' || substr(hash, 2) WHERE seq = 2");
    expect(problems(check(dataDir))).toEqual([[ids[1], 'event-altered'], [ids[2], 'chain-broken']]);
  });

  it('notices an event removed from the middle of the chain (and the record it opened)', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, 'DELETE FROM events WHERE seq = 3');
    const result = problems(check(dataDir));
    expect(result).toContainEqual([ids[3], 'chain-broken']);
    expect(result).toContainEqual([ids[2], 'not-in-chain']);
  });

  it('names a row added outside Pledge Desk (no signed event opens it)', () => {
    const { dataDir, ids } = archivedFive();
    tamper(
      dataDir,
      `INSERT INTO archive SELECT 'PD-20261231-FORGED00', kind, template_id, template_version, title, '伪造', organisation, signer_json, values_json, NULL,
         sign_date, signed_at, file_sha256, file_bytes, content_hash, NULL FROM archive WHERE id = '${ids[0]}'`,
    );
    expect(problems(check(dataDir))).toEqual([['PD-20261231-FORGED00', 'not-in-chain']]);
  });

  it('names a record whose PDF file was altered or removed on disk', () => {
    const { dataDir, ids } = archivedFive();
    const db = new Database(join(dataDir, 'pledge-desk.db'), { readonly: true });
    const [first, fourth] = [ids[0], ids[3]].map((id) => db.prepare('SELECT file_sha256 FROM archive WHERE id = ?').pluck().get(id) as string);
    db.close();
    const pdfs = new ContentStore(join(dataDir, 'archive'), '.pdf');
    writeFileSync(pdfs.pathOf(first as string), 'altered bytes');
    pdfs.remove(fourth as string);
    expect(problems(check(dataDir))).toEqual([
      [ids[0], 'pdf-altered'],
      [ids[3], 'pdf-missing'],
    ]);
  });

  it('names a record whose personal data was altered or deleted without a redaction', () => {
    const { dataDir, ids } = archivedFive();
    tamper(dataDir, "DROP TRIGGER IF EXISTS personal_data_no_update; UPDATE personal_data SET json = replace(json, '13812345678', '13800000000')");
    expect(problems(check(dataDir))).toEqual([[ids[2], 'personal-data-altered']]);
    tamper(dataDir, 'DELETE FROM personal_data');
    expect(problems(check(dataDir))).toEqual([[ids[2], 'personal-data-missing']]);
  });
});
