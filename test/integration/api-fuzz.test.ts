import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../electron/shared/method-names';
import { METHOD_NAMES } from '../../electron/shared/method-names';
import { type ArchiveHost, archiveHost } from '../support/archive-host';
import { FUZZ_METHODS, type FuzzStats, type IdPool, dataDigest, fuzzMethod } from '../support/api-fuzz';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, ok } from '../support/test-host';

/**
 * Issue 7: "malformed input to every API method (fuzzed from the contract's validators) gets a validation
 * error, never an exception trace or a changed database". The method list and every input's shape come from
 * `METHODS` / `methodSchemas()` at run time, so methods added to the contract are fuzzed without a change
 * here. Seeded and bounded; `npm run bench` (bench/fuzz.ts) runs the same fuzzer longer.
 */

const MALFORMED_RUNS = 30;
const VALID_RUNS = 8;
const SEED = 20261128;
/** Per call; the refused ones take well under a millisecond, valid ones may sign or generate a key. */
const MAX_MS = 2_000;

afterAll(removeTempDirs);

/** A host holding a draft, a profile and a signed record, with its ids in a pool for the valid side. */
async function seededHost(): Promise<{ archive: ArchiveHost; dataDir: string; pool: IdPool }> {
  const dataDir = makeTempDir('pledge-api-fuzz-');
  const archive = archiveHost(dataDir, 17);
  const record = await archive.sign();
  const draft = ok<{ id: string }>(await archive.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  const profile = ok<{ id: string }>(await archive.host.dispatch('profiles.save', { signer: SIGNER }));
  await archive.host.autoBackup;
  return { archive, dataDir, pool: { ids: [record.id, draft.id, profile.id, TEMPLATE_ID] } };
}

function summary(all: FuzzStats[]): string {
  return all.map((s) => `${s.method}: ${s.rejected}/${s.inputs} refused, max ${Math.round(Math.max(0, ...s.times))} ms`).join('\n');
}

describe('API fuzzing from the contract', () => {
  let malformed: Awaited<ReturnType<typeof seededHost>>;
  let valid: Awaited<ReturnType<typeof seededHost>>;

  beforeAll(async () => {
    malformed = await seededHost();
    valid = await seededHost();
  });

  afterAll(() => {
    malformed.archive.host.close();
    valid.archive.host.close();
  });

  it('covers every method of the contract', () => {
    expect([...FUZZ_METHODS].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('the data digest sees a change made through the API (so "unchanged" below means something)', async () => {
    const before = dataDigest(malformed.dataDir);
    const { id } = ok<{ id: string }>(await malformed.archive.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    expect(dataDigest(malformed.dataDir)).not.toBe(before);
    ok(await malformed.archive.host.dispatch('drafts.delete', { id }));
  });

  it.each(FUZZ_METHODS.map((m) => [m]))(
    '%s: malformed inputs → VALIDATION without a stack trace, and the data folder unchanged',
    async (method: MethodName) => {
      const stats = await fuzzMethod(malformed.archive.host, malformed.dataDir, method, 'malformed', { seed: SEED, numRuns: MALFORMED_RUNS });
      expect(stats.failures, summary([stats])).toEqual([]);
      expect(stats.inputs).toBeGreaterThanOrEqual(MALFORMED_RUNS);
      // The generator must really produce malformed inputs, not valid ones by accident.
      expect(stats.rejected, summary([stats])).toBeGreaterThanOrEqual(MALFORMED_RUNS * 0.7);
      expect(Math.max(...stats.times)).toBeLessThan(MAX_MS);
    },
    60_000,
  );

  it.each(FUZZ_METHODS.map((m) => [m]))(
    '%s: valid inputs generated from its schema never answer INTERNAL',
    async (method: MethodName) => {
      const stats = await fuzzMethod(valid.archive.host, valid.dataDir, method, 'valid', { seed: SEED, numRuns: VALID_RUNS }, valid.pool);
      expect(stats.failures, summary([stats])).toEqual([]);
      expect(stats.inputs).toBe(VALID_RUNS);
      expect(stats.rejected).toBe(0);
    },
    60_000,
  );
});
