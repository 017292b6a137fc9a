import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createStampWorker } from '../../../../../electron/core/pdf/stamp/stamp-worker';
import { inspectCase, mutateBytes, pdfMutation, pdfSeeds, stampCase } from '../../../../support/core-fuzz';
import { tsxWorkerUrl } from '../../../../support/tsx-worker';

/**
 * Issue 7: "PDF stamping under fast-check with random and mutated inputs: no crash, no hang (each input under
 * 2 s)". Real PDFs from the shared corpus (read, never copied) are damaged byte by byte (flips, truncation,
 * splices of two files, duplicated and deleted ranges, changed digits in offsets and object numbers, huge
 * runs) and then inspected (`stamping.inspect`, in the calling thread) and stamped in the stamping worker as
 * the host does. Each must give a result or a StampError with a stable code, in under 2 s; a PDF_TIMEOUT or
 * any other error fails. Seeded and bounded; `npm run bench` (bench/fuzz.ts) runs more.
 */

const SEED = 4242;
const MAX_MS = 2_000;
const seeds = pdfSeeds();
const workerFile = tsxWorkerUrl(fileURLToPath(new URL('../../../../../electron/core/pdf/stamp/stamp-worker-main.ts', import.meta.url)));
/** Longer than MAX_MS so that a slow input is measured (and fails the time assertion) rather than cut off. */
const worker = createStampWorker({ workerFile, timeoutMs: 10_000 });

afterAll(() => worker.close());

describe('PDF fuzzing', () => {
  it('has real PDFs to mutate (the shared corpus is required, not optional)', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(20);
  });

  it('mutated real PDFs: inspect gives pages or a stable StampError, each in under 2 s', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), pdfMutation, async (pick, mutation) => {
        const result = await inspectCase(mutateBytes(seeds, pick, mutation));
        outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        const label = `${seeds[pick % seeds.length]?.name} ${JSON.stringify(mutation).slice(0, 200)}`;
        expect(result.problem, label).toBeNull();
        expect(result.ms, `${label}: ${Math.round(result.ms)} ms`).toBeLessThan(MAX_MS);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Mutations both survive (repairable damage) and break files: the fuzzer reaches past the header check.
    expect(outcomes.get('inspected') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('PDF_DAMAGED') ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('mutated real PDFs: stamping in the worker gives a stamped PDF or a stable StampError, each in under 2 s', async () => {
    // The worker's first job also loads its bundle through tsx: warm it up outside the measurement.
    await stampCase(worker, seeds[0]!.bytes, false);
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), pdfMutation, fc.boolean(), async (pick, mutation, withDate) => {
        const result = await stampCase(worker, mutateBytes(seeds, pick, mutation), withDate);
        outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        const label = `${seeds[pick % seeds.length]?.name} ${JSON.stringify(mutation).slice(0, 200)}`;
        expect(result.problem, label).toBeNull();
        expect(result.ms, `${label}: ${Math.round(result.ms)} ms`).toBeLessThan(MAX_MS);
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(outcomes.get('stamped') ?? 0).toBeGreaterThan(0);
  }, 180_000);

  it('random bytes behind a PDF header, and no header at all → PDF_NOT_PDF or PDF_DAMAGED, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('', '%PDF-1.7\n', '%PDF-2.0\n%\u00e2\u00e3\n1 0 obj\n'), fc.uint8Array({ maxLength: 2048 }), async (head, body) => {
        const bytes = new Uint8Array([...Buffer.from(head, 'latin1'), ...body]);
        const result = await inspectCase(bytes);
        expect(result.problem).toBeNull();
        expect(['PDF_NOT_PDF', 'PDF_DAMAGED']).toContain(result.outcome);
        expect(result.ms).toBeLessThan(MAX_MS);
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 60_000);
});
