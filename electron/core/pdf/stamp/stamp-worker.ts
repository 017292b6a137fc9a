import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/api-error';
import { CoreError } from '../../errors';
import type { PdfInspection } from './inspect-pdf';
import type { PdfErrorCode } from './stamp-errors';
import { StampError } from './stamp-errors';
import type { StampOptions, StampResult } from './stamp-options';

/** What a job asks of the worker: stamp a PDF, or only read it (`inspectPdf`), which parses the whole file too. */
export type WorkerTask = { kind: 'stamp'; options: StampOptions } | { kind: 'inspect'; password?: string };

/** A message from the main thread to `stamp-worker-main.ts`. */
export type WorkerJob = WorkerTask & {
  id: number;
  bytes: Uint8Array;
  maxBytes?: number;
  timeoutMs: number;
};

/** The worker's reply to job `id`. Errors travel as plain data and are rebuilt as `StampError` / `CoreError`. */
export type WorkerReply =
  | { id: number; ok: true; kind: 'stamp'; result: StampResult }
  | { id: number; ok: true; kind: 'inspect'; result: PdfInspection }
  | {
      id: number;
      ok: false;
      error: { kind: 'stamp'; code: PdfErrorCode; message: string } | { kind: 'core'; code: ErrorCode; message: string; field?: string } | { kind: 'other'; message: string };
    };

export interface StampWorkerOptions {
  /** The worker entry: the bundled `stamp-worker-main` (e.g. `dist/electron/stamp-worker.cjs`). Tests pass a
   *  URL that loads the .ts source through tsx. */
  workerFile: string | URL;
  /** Wall-clock limit per job (load + stamp + save + check), from the moment it is sent; then the worker is
   *  terminated and the job fails with PDF_TIMEOUT. */
  timeoutMs: number;
  /** Size cap passed to `stampPdf` (default 100 MB). */
  maxBytes?: number;
  /** Heap cap of the worker in MB (default 1,024): a file that needs more fails with PDF_TOO_LARGE instead of
   *  taking the app down. */
  maxHeapMb?: number;
}

/** A stamping thread that can be reused: jobs run one at a time; `close` ends the thread. */
export interface StampWorker {
  /** `timeoutMs` overrides the worker's default for this job (e.g. more time for a larger file). */
  stamp(bytes: Uint8Array, options: StampOptions, timeoutMs?: number): Promise<StampResult>;
  /** `inspectPdf` in the thread, under the same time limit, size cap and heap cap as stamping. */
  inspect(bytes: Uint8Array, password?: string, timeoutMs?: number): Promise<PdfInspection>;
  close(): Promise<void>;
}

function rebuild(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (error.kind === 'stamp') return new StampError(error.code, error.message);
  if (error.kind === 'core') return new CoreError(error.code, error.message, error.field);
  return new Error(error.message);
}

/**
 * Starts a worker thread that runs `stampPdf` (and `inspectPdf`), so that a slow or hostile PDF can neither freeze the calling
 * thread nor outlive `timeoutMs`. On time-out the thread is terminated (pdf-lib's parser runs synchronously
 * for long stretches, so only that stops it) and the job rejects with StampError PDF_TIMEOUT; exceeding the
 * heap cap rejects with PDF_TOO_LARGE; the next job then starts a fresh thread. Keeping the thread between
 * jobs saves its start-up (≈ 150–250 ms to load the bundle) on every stamp after the first.
 * Input bytes are copied to the thread; the result's bytes are transferred back without a copy.
 */
export function createStampWorker(run: StampWorkerOptions): StampWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();
  const heapMb = run.maxHeapMb ?? 1024;

  const kill = (): void => {
    void worker?.terminate();
    worker = undefined;
  };

  const runJob = (bytes: Uint8Array, task: WorkerTask, timeoutMs: number): Promise<StampResult | PdfInspection> =>
    new Promise<StampResult | PdfInspection>((resolve, reject) => {
      if (!worker) {
        worker = new Worker(run.workerFile, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
        // An idle thread must not keep the process alive (the CLI exits when done); a running job's timer does.
        worker.unref();
      }
      const current = worker;
      const id = nextId++;
      const cleanup = (): void => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
      };
      const fail = (error: Error): void => {
        cleanup();
        if (worker === current) kill();
        reject(error);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        cleanup();
        if (!reply.ok) reject(rebuild(reply.error));
        else if (reply.kind === 'stamp') resolve({ ...reply.result, bytes: new Uint8Array(reply.result.bytes) });
        else resolve(reply.result);
      };
      const onError = (error: Error & { code?: string }): void => {
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new StampError('PDF_TOO_LARGE', `the PDF needed more than ${heapMb} MB of memory and was stopped`) : error);
      };
      const onExit = (code: number): void => fail(new Error(`the stamping worker exited (code ${code}) without a result`));
      const what = task.kind === 'stamp' ? 'stamping' : 'reading the PDF';
      const timer = setTimeout(() => fail(new StampError('PDF_TIMEOUT', `${what} took longer than ${timeoutMs} ms and was stopped`)), timeoutMs);
      current.on('message', onMessage);
      current.once('error', onError);
      current.once('exit', onExit);
      const job: WorkerJob = { ...task, id, bytes, timeoutMs, ...(run.maxBytes !== undefined ? { maxBytes: run.maxBytes } : {}) };
      current.postMessage(job);
    });

  // One job at a time: a time-out terminates the thread, which must not take a queued job with it.
  const enqueue = (bytes: Uint8Array, task: WorkerTask, timeoutMs: number): Promise<StampResult | PdfInspection> => {
    const job = tail.then(() => runJob(bytes, task, timeoutMs));
    tail = job.catch(() => undefined);
    return job;
  };

  return {
    stamp: (bytes, options, timeoutMs = run.timeoutMs) => enqueue(bytes, { kind: 'stamp', options }, timeoutMs) as Promise<StampResult>,
    inspect: (bytes, password, timeoutMs = run.timeoutMs) =>
      enqueue(bytes, { kind: 'inspect', ...(password !== undefined ? { password } : {}) }, timeoutMs) as Promise<PdfInspection>,
    async close() {
      await tail;
      const current = worker;
      worker = undefined;
      await current?.terminate();
    },
  };
}

/** Stamps one PDF in a fresh worker thread and ends the thread (see `createStampWorker`). */
export async function stampPdfInWorker(bytes: Uint8Array, options: StampOptions, run: StampWorkerOptions): Promise<StampResult> {
  const worker = createStampWorker(run);
  try {
    return await worker.stamp(bytes, options);
  } finally {
    await worker.close();
  }
}
