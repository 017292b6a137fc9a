import type { ApiError } from '../shared/api-error';
import type { JobMethod, JobResults, JobStatus } from '../shared/dto';
import { CoreError } from '../core/errors';

/** One step of a job, as its generator yields it: see `JobStatus` for what the numbers count. */
export type JobStep = Pick<JobStatus, 'phase' | 'done' | 'total' | 'phaseDone' | 'phaseTotal'>;

/** A long method split into steps: each `next()` does one batch of work; the return value is the result. */
export type JobSteps<R> = Generator<JobStep, R>;

/** Finished jobs kept for `jobs.get`; older finished ones are forgotten first. */
const KEEP_FINISHED = 50;

type MutableStatus = { -readonly [K in keyof JobStatus]: JobStatus[K] };

/** Runs a generator to its end in one go (the synchronous form of a job). */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a generator to its end, letting other calls run between its steps (`setImmediate`). */
export async function runYielding<R>(steps: Generator<unknown, R>): Promise<R> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The host's background jobs: each is a generator stepped once per turn of the event loop (`setImmediate`),
 * so that `dispatch` keeps answering other calls (Electron IPC and the loopback server alike) while a large
 * archive is re-hashed or exported. Jobs live in memory only and do not outlive the host. Their status is
 * plain JSON, polled with `jobs.get`.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { status: MutableStatus; steps: JobSteps<unknown> }>();
  private closed = false;

  constructor(
    private readonly clock: () => Date,
    private readonly newId: () => string,
    /** Turns what a step threw into the error the direct call would have answered. */
    private readonly toError: (error: unknown) => ApiError,
  ) {}

  /** Starts `steps` as a job of `method` and returns its id; the first step runs on the next turn. */
  start<M extends JobMethod>(method: M, steps: JobSteps<JobResults[M]>): string {
    if (this.closed) throw new CoreError('NOT_AVAILABLE', 'the host is closing');
    const id = this.newId();
    const status = {
      id,
      method,
      state: 'running',
      phase: 'starting',
      done: 0,
      total: 0,
      phaseDone: 0,
      phaseTotal: 0,
      startedAt: this.clock().toISOString(),
      finishedAt: null,
    } as MutableStatus;
    this.jobs.set(id, { status, steps });
    setImmediate(() => this.step(id));
    return id;
  }

  /** A copy of the job's status. @throws CoreError JOB_NOT_FOUND */
  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new CoreError('JOB_NOT_FOUND', `no job ${id}`, 'id');
    return structuredClone(job.status) as JobStatus;
  }

  /** Stops every running job (their generators are closed, so they clean up) and refuses new ones. */
  close(): void {
    this.closed = true;
    for (const { status, steps } of this.jobs.values()) {
      if (status.state !== 'running') continue;
      status.state = 'failed';
      status.error = { code: 'INTERNAL', message: 'the host closed before the job finished' };
      try {
        steps.return(undefined);
      } catch {
        // Cleaning up after a stopped job is best effort.
      }
    }
  }

  private step(id: string): void {
    const job = this.jobs.get(id);
    if (!job || job.status.state !== 'running') return;
    const { status } = job;
    try {
      const next = job.steps.next();
      if (next.done) {
        status.state = 'done';
        status.result = next.value as never;
        // A job that counted its work ends on total; one that had none to count ends on 0 / 0.
        status.done = status.total;
        status.phaseDone = status.phaseTotal;
        status.finishedAt = this.clock().toISOString();
        this.forgetOld();
        return;
      }
      const step = next.value;
      // Monotonic even if the archive grew while it was being checked.
      status.total = Math.max(status.total, step.total, step.done);
      status.done = Math.max(status.done, Math.min(step.done, status.total));
      status.phase = step.phase;
      status.phaseTotal = Math.max(step.phaseTotal, step.phaseDone);
      status.phaseDone = step.phaseDone;
    } catch (error) {
      status.state = 'failed';
      status.error = this.toError(error);
      status.finishedAt = this.clock().toISOString();
      this.forgetOld();
      return;
    }
    setImmediate(() => this.step(id));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.status.id);
  }
}
