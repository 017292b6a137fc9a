/**
 * Entry point of the stamping worker thread (see `stamp-worker.ts`): runs `stampPdf` (or `inspectPdf`) for each job it is sent,
 * one at a time, with a deadline taken from this thread's clock, and posts back the result or the error.
 * Bundle it as its own file (e.g. `dist/electron/stamp-worker.cjs`); imported anywhere but in a worker it
 * does nothing.
 */
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort } from 'node:worker_threads';
import { CoreError } from '../../errors';
import { inspectPdf } from './inspect-pdf';
import { StampError } from './stamp-errors';
import { stampPdf } from './stamp-pdf';
import type { WorkerJob, WorkerReply } from './stamp-worker';

async function handle(job: WorkerJob): Promise<WorkerReply> {
  try {
    const maxBytes = job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {};
    if (job.kind === 'inspect') {
      const inspection = await inspectPdf(job.bytes, { ...maxBytes, ...(job.password !== undefined ? { password: job.password } : {}) });
      return { id: job.id, ok: true, kind: 'inspect', result: inspection };
    }
    const now = (): number => performance.now();
    const result = await stampPdf(job.bytes, job.options, { ...maxBytes, deadline: { now, at: now() + job.timeoutMs } });
    return { id: job.id, ok: true, kind: 'stamp', result };
  } catch (error) {
    return {
      id: job.id,
      ok: false,
      error:
        error instanceof StampError
          ? { kind: 'stamp', code: error.code, message: error.message }
          : error instanceof CoreError
            ? { kind: 'core', code: error.code, message: error.message, ...(error.field !== undefined ? { field: error.field } : {}) }
            : { kind: 'other', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

const port = isMainThread ? null : parentPort;
let queue = Promise.resolve();
port?.on('message', (job: WorkerJob) => {
  queue = queue.then(async () => {
    const reply = await handle(job);
    port.postMessage(reply, reply.ok && reply.kind === 'stamp' ? [reply.result.bytes.buffer as ArrayBuffer] : []);
  });
});
