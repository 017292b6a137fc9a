/**
 * The fuzzers of `npm test` (issue 7), run longer: every API method with malformed and valid inputs derived
 * from the contract, template import on random and mutated documents, and PDF inspection and stamping on
 * mutated corpus PDFs. Prints one table (inputs, failures, max and p99 time per input) and exits 1 if any input
 * crashed, hung, answered INTERNAL, leaked a stack trace or changed data it had to refuse.
 *
 * Run: npx tsx bench/fuzz.ts    FUZZ_SEED=<n> (default 1) FUZZ_RUNS=<n> (default 200: inputs per API method
 * and kind; import and PDF rows get 5× and 2× that)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { createStampWorker } from '../electron/core/pdf/stamp/stamp-worker';
import { FUZZ_METHODS, type FuzzStats, fuzzMethod } from '../test/support/api-fuzz';
import { archiveHost } from '../test/support/archive-host';
import { type CaseResult, byteMutation, documentSeeds, importCase, inspectCase, mutateBytes, pdfMutation, pdfSeeds, quantile, stampCase } from '../test/support/core-fuzz';
import { SIGNER, TEMPLATE_ID, ok } from '../test/support/test-host';
import { tsxWorkerUrl } from '../test/support/tsx-worker';

const SEED = Number(process.env.FUZZ_SEED ?? 1);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const MAX_MS = 2_000;
const root = resolve(import.meta.dirname, '..');

interface Row {
  name: string;
  inputs: number;
  failures: string[];
  times: number[];
  outcomes: Map<string, number>;
}

const rows: Row[] = [];
const row = (name: string): Row => {
  const r: Row = { name, inputs: 0, failures: [], times: [], outcomes: new Map() };
  rows.push(r);
  return r;
};

function record(r: Row, result: CaseResult, label: string): void {
  r.inputs++;
  r.times.push(result.ms);
  r.outcomes.set(result.outcome, (r.outcomes.get(result.outcome) ?? 0) + 1);
  if (result.problem !== null) r.failures.push(`${label}: ${result.problem.slice(0, 300)}`);
  else if (result.ms > MAX_MS) r.failures.push(`${label}: ${Math.round(result.ms)} ms`);
}

async function apiRows(): Promise<void> {
  for (const kind of ['malformed', 'valid'] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pledge-fuzz-bench-'));
    const archive = archiveHost(dataDir, SEED);
    try {
      const signed = await archive.sign();
      const draft = ok<{ id: string }>(await archive.host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
      const profile = ok<{ id: string }>(await archive.host.dispatch('profiles.save', { signer: SIGNER }));
      const r = row(`API, ${kind} inputs (${FUZZ_METHODS.length} methods)`);
      let refused = 0;
      for (const method of FUZZ_METHODS) {
        const stats: FuzzStats = await fuzzMethod(archive.host, dataDir, method, kind, { seed: SEED, numRuns: RUNS }, { ids: [signed.id, draft.id, profile.id, TEMPLATE_ID] });
        r.inputs += stats.inputs;
        r.times.push(...stats.times);
        refused += stats.rejected;
        r.failures.push(...stats.failures);
      }
      r.outcomes.set('VALIDATION', refused);
      r.outcomes.set('accepted', r.inputs - refused);
    } finally {
      archive.host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function importRows(): Promise<void> {
  const seeds = documentSeeds();
  const mutated = row('template import, mutated documents');
  for (const [pick, mutation] of fc.sample(fc.tuple(fc.nat(), byteMutation), { seed: SEED, numRuns: RUNS * 5 })) {
    const seed = seeds[pick % seeds.length]!;
    record(mutated, await importCase(mutateBytes(seeds, pick, mutation), seed.name), `${seed.name} ${JSON.stringify(mutation).slice(0, 120)}`);
  }
  const random = row('template import, random bytes');
  const names = ['x.docx', 'x.doc', 'x.html', 'x.txt', 'x.md', ''];
  const heads = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xff, 0xfe]];
  for (const [head, body, name] of fc.sample(fc.tuple(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 8192 }), fc.constantFrom(...names)), { seed: SEED, numRuns: RUNS * 5 })) {
    record(random, await importCase(new Uint8Array([...head, ...body]), name), `${body.length} bytes as "${name}"`);
  }
}

async function pdfRows(): Promise<void> {
  const seeds = pdfSeeds();
  if (seeds.length === 0) throw new Error('the shared PDF corpus (../shared/corpus/pdfs) is missing');
  const cases = fc.sample(fc.tuple(fc.nat(), pdfMutation, fc.boolean()), { seed: SEED, numRuns: RUNS * 2 });
  const inspect = row('PDF inspect, mutated corpus PDFs');
  for (const [pick, mutation] of cases) {
    record(inspect, await inspectCase(mutateBytes(seeds, pick, mutation)), `${seeds[pick % seeds.length]!.name} ${JSON.stringify(mutation).slice(0, 120)}`);
  }
  const stamp = row('PDF stamp (worker), mutated corpus PDFs');
  const worker = createStampWorker({ workerFile: tsxWorkerUrl(join(root, 'electron/core/pdf/stamp/stamp-worker-main.ts')), timeoutMs: 10_000 });
  try {
    await stampCase(worker, seeds[0]!.bytes, false); // loads the worker's bundle outside the measurement
    for (const [pick, mutation, withDate] of cases) {
      record(stamp, await stampCase(worker, mutateBytes(seeds, pick, mutation), withDate), `${seeds[pick % seeds.length]!.name} ${JSON.stringify(mutation).slice(0, 120)}`);
    }
  } finally {
    await worker.close();
  }
}

await apiRows();
await importRows();
await pdfRows();

const outcomes = (m: Map<string, number>): string =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
console.log(`\nFuzzing (seed ${SEED}, FUZZ_RUNS ${RUNS}; limit ${MAX_MS} ms per input)\n`);
console.log('| target | inputs | failures | max ms | p99 ms | outcomes |');
console.log('|---|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.inputs} | ${r.failures.length} | ${Math.max(0, ...r.times).toFixed(0)} | ${quantile(r.times, 0.99).toFixed(1)} | ${outcomes(r.outcomes)} |`);
}
const failures = rows.flatMap((r) => r.failures.map((f) => `${r.name}: ${f}`));
if (failures.length > 0) {
  console.log(`\n${failures.length} failing inputs (first 20):`);
  for (const f of failures.slice(0, 20)) console.log(`- ${f}`);
  process.exitCode = 1;
}
