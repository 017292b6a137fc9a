import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../../../electron/core/archive/append-event';
import { verifyArchive } from '../../../../electron/core/archive/verify-archive';
import { CoreError } from '../../../../electron/core/errors';
import { checkBundleChain } from '../../../../electron/core/exchange/check-bundle-chain';
import { exportBundle } from '../../../../electron/core/exchange/export-bundle';
import { importBundle } from '../../../../electron/core/exchange/import-bundle';
import { openBundle } from '../../../../electron/core/exchange/open-bundle';
import type { BundleManifest } from '../../../../electron/shared/bundle-manifest';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';
import { type ArchiveFixture, archiveFixture } from '../archive/archive-fixture';

afterAll(removeTempDirs);

const NOW = new Date('2026-11-28T12:00:00.000Z');

function bundleOf(f: ArchiveFixture, ids: string[] | 'all'): string {
  const path = join(makeTempDir('pledge-bundle-unit-'), 'b.pledgebundle');
  exportBundle(f.db, { ids, includePersonalData: false, appVersion: '0.1.0', now: NOW, path }, { readPdf: (s) => f.pdfs.get(s), readScan: (s) => f.scans.get(s) });
  return path;
}

function manifestOf(path: string): BundleManifest {
  const bundle = openBundle(path);
  try {
    return structuredClone(bundle.manifest);
  } finally {
    bundle.close();
  }
}

function chainError(manifest: BundleManifest): string {
  try {
    checkBundleChain(manifest);
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('BUNDLE_INVALID');
    return (error as CoreError).message;
  }
  throw new Error('expected BUNDLE_INVALID');
}

/** An archive of three records whose events interleave: 1 signed, 2 signed, 1 voided, 3 signed, 2 printed. */
function interleaved(): { f: ArchiveFixture; ids: string[] } {
  const f = archiveFixture();
  const a = f.add();
  const b = f.add();
  appendEvent(f.db, { recordId: a, kind: 'voided', at: NOW.toISOString(), details: { reason: '错误' } });
  const c = f.add();
  appendEvent(f.db, { recordId: b, kind: 'printed', at: NOW.toISOString(), details: { copies: 1 } });
  return { f, ids: [a, b, c] };
}

describe('a bundle as a segment of the chain', () => {
  it('a bundle of some records verifies although their events have gaps between them', () => {
    const { f, ids } = interleaved();
    const manifest = manifestOf(bundleOf(f, [ids[2] as string, ids[0] as string]));
    expect(manifest.complete).toBe(false);
    expect(manifest.records.flatMap((r) => r.events.map((e) => e.seq))).toEqual([1, 3, 4]);
    expect(() => checkBundleChain(manifest)).not.toThrow();
  });

  it('a bundle of everything is complete: one chain from genesis to the stated head', () => {
    const { f } = interleaved();
    const manifest = manifestOf(bundleOf(f, 'all'));
    expect(manifest.complete).toBe(true);
    expect(manifest.source.events).toBe(5);
    expect(manifest.records.flatMap((r) => r.events.map((e) => e.seq)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses: a subset that claims to be complete, reordered events, two events at one position, a forked chain', () => {
    const { f, ids } = interleaved();
    const some = manifestOf(bundleOf(f, [ids[0] as string]));
    expect(chainError({ ...some, complete: true })).toMatch(/event 2 of its chain is missing/);
    const all = manifestOf(bundleOf(f, 'all'));
    const reordered = structuredClone(all);
    reordered.records[0]?.events.reverse();
    expect(chainError(reordered)).toMatch(/out of order/);
    const twice = structuredClone(all);
    twice.records[1]?.events.push(structuredClone(twice.records[0]?.events[0]) as never);
    expect(chainError(twice)).toMatch(/belongs to|two events claim/);
    const forked = structuredClone(all);
    const victim = forked.records[2]?.events[0] as { prevHash: string };
    victim.prevHash = forked.records[0]?.events[0]?.prevHash as string;
    expect(chainError(forked)).toMatch(/chain forks|does not match its hash/);
  });
});

describe('importBundle', () => {
  it('imports into another archive whose own chain it extends; verifyArchive passes there', () => {
    const { f } = interleaved();
    const target = archiveFixture();
    const own = target.add();
    const bundle = openBundle(bundleOf(f, 'all'));
    try {
      const result = importBundle(target.db, bundle, {
        putPdf: (b) => target.pdfs.put(b),
        hasPdf: (s) => target.pdfs.has(s),
        removePdf: (s) => void target.pdfs.remove(s),
        putScan: (b) => target.scans.put(b),
        hasScan: (s) => target.scans.has(s),
        removeScan: (s) => void target.scans.remove(s),
        now: NOW,
        bundleSha256: 'b'.repeat(64),
      });
      expect(result.imported).toHaveLength(3);
      expect(result.imported).not.toContain(own);
    } finally {
      bundle.close();
    }
    const verified = verifyArchive(target.db, { readPdf: (s) => target.pdfs.get(s), readScan: (s) => target.scans.get(s) });
    expect(verified.failures).toEqual([]);
    // 1 own signed event + 5 replayed + 3 imported.
    expect(verified.events).toBe(9);
  });

  it('a failing transaction writes nothing and removes the files it stored', () => {
    const { f } = interleaved();
    const target = archiveFixture();
    target.db.exec("CREATE TRIGGER no_room BEFORE INSERT ON archive BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
    const bundle = openBundle(bundleOf(f, 'all'));
    try {
      expect(() =>
        importBundle(target.db, bundle, {
          putPdf: (b) => target.pdfs.put(b),
          hasPdf: (s) => target.pdfs.has(s),
          removePdf: (s) => void target.pdfs.remove(s),
          putScan: (b) => target.scans.put(b),
          hasScan: (s) => target.scans.has(s),
          removeScan: (s) => void target.scans.remove(s),
          now: NOW,
          bundleSha256: 'b'.repeat(64),
        }),
      ).toThrow(/disk is full/);
    } finally {
      bundle.close();
    }
    expect(target.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    expect(readdirSync(join(target.dataDir, 'archive'))).toEqual([]);
  });
});
