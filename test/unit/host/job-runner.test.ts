import { describe, expect, it } from 'vitest';
import type { JobStatus, VerifyAllResult } from '../../../electron/shared/dto';
import { CoreError } from '../../../electron/core/errors';
import { JobRunner, type JobStep, type JobSteps } from '../../../electron/host/job-runner';

const RESULT: VerifyAllResult = { checked: 3, events: 5, headHash: 'a'.repeat(64), failures: [] };

function runner(): JobRunner {
  let n = 0;
  return new JobRunner(
    () => new Date('2026-11-28T02:30:00Z'),
    () => `job_${++n}`,
    (error) => (error instanceof CoreError ? error.toApiError() : { code: 'INTERNAL', message: String(error) }),
  );
}

/** A job of `steps` yields that fails at step `failAt` when given. */
function* counting(steps: JobStep[], failAt?: number): JobSteps<VerifyAllResult> {
  for (const [i, step] of steps.entries()) {
    if (i === failAt) throw new CoreError('BUNDLE_INVALID', 'a file no longer matches its hash');
    yield step;
  }
  return RESULT;
}

const chainThenRecords: JobStep[] = [
  { phase: 'chain', done: 2, total: 8, phaseDone: 2, phaseTotal: 5 },
  { phase: 'chain', done: 5, total: 8, phaseDone: 5, phaseTotal: 5 },
  { phase: 'records', done: 6, total: 8, phaseDone: 1, phaseTotal: 3 },
  { phase: 'records', done: 8, total: 8, phaseDone: 3, phaseTotal: 3 },
];

/** Polls the job on every turn of the event loop until it finishes; returns every status seen. */
async function pollToEnd(jobs: JobRunner, id: string): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (;;) {
    const status = jobs.get(id);
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('JobRunner', () => {
  it('reports every step, with done never decreasing, and ends on total with the result', async () => {
    const jobs = runner();
    const id = jobs.start('archive.verifyAll', counting(chainThenRecords));
    expect(jobs.get(id)).toMatchObject({ id, method: 'archive.verifyAll', state: 'running', phase: 'starting', done: 0, total: 0 });
    const seen = await pollToEnd(jobs, id);
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['starting', 'chain', 'records']));
    expect(seen.some((s) => s.state === 'running' && s.done > 0 && s.done < s.total)).toBe(true);
    const last = seen.at(-1) as JobStatus;
    expect(last).toMatchObject({ state: 'done', done: 8, total: 8, phase: 'records', phaseDone: 3, phaseTotal: 3, result: RESULT, finishedAt: '2026-11-28T02:30:00.000Z' });
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
  });

  it('turns a thrown error into the job error, as the direct call would answer it', async () => {
    const jobs = runner();
    const id = jobs.start('archive.verifyAll', counting(chainThenRecords, 2));
    const last = (await pollToEnd(jobs, id)).at(-1) as JobStatus;
    expect(last.state).toBe('failed');
    expect(last.error).toMatchObject({ code: 'BUNDLE_INVALID' });
    expect(last.result).toBeUndefined();
  });

  it('keeps answering other work between steps', async () => {
    const jobs = runner();
    function* slow(): JobSteps<VerifyAllResult> {
      for (let i = 1; i <= 50; i++) {
        // Each step is 2 ms of work, as a batch of re-hashing is.
        const until = Date.now() + 2;
        while (Date.now() < until);
        yield { phase: 'chain', done: i, total: 50, phaseDone: i, phaseTotal: 50 };
      }
      return RESULT;
    }
    const id = jobs.start('archive.verifyAll', slow());
    // A timer set now fires after a step or two, not after the whole job: each step gives the loop back.
    const atTimer = await new Promise<JobStatus>((resolve) => setTimeout(() => resolve(jobs.get(id)), 0));
    expect(atTimer.state).toBe('running');
    expect(atTimer.done).toBeLessThan(25);
    await pollToEnd(jobs, id);
  });

  it('answers JOB_NOT_FOUND for an unknown id, and returns copies that callers cannot change', () => {
    const jobs = runner();
    expect(() => jobs.get('job_nope')).toThrow(expect.objectContaining({ code: 'JOB_NOT_FOUND' }));
    const id = jobs.start('archive.verifyAll', counting([]));
    const status = jobs.get(id) as { done: number };
    status.done = 99;
    expect(jobs.get(id).done).toBe(0);
  });

  it('on close stops running jobs, lets them clean up, and refuses new ones', async () => {
    const jobs = runner();
    let cleanedUp = false;
    function* endless(): JobSteps<VerifyAllResult> {
      try {
        for (let i = 1; ; i++) yield { phase: 'files', done: i, total: 1_000_000, phaseDone: i, phaseTotal: 1_000_000 };
      } finally {
        cleanedUp = true;
      }
    }
    const id = jobs.start('archive.verifyAll', endless());
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    jobs.close();
    expect(cleanedUp).toBe(true);
    expect(jobs.get(id)).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    expect(() => jobs.start('archive.verifyAll', counting([]))).toThrow(expect.objectContaining({ code: 'NOT_AVAILABLE' }));
  });
});
