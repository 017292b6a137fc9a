import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../../../electron/core/errors';
import { StampError } from '../../../../../electron/core/pdf/stamp/stamp-errors';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { createStampWorker, stampPdfInWorker } from '../../../../../electron/core/pdf/stamp/stamp-worker';
import { pt } from '../../../../../electron/core/pdf/pdf-units';
import { makeSignaturePng } from '../../../../support/make-png';
import { makeLongPdf } from '../../../../support/stamp-bench';
import { makePdf } from '../../../../support/stamp-fixtures';
import { tsxWorkerUrl } from '../../../../support/tsx-worker';

const workerFile = tsxWorkerUrl(fileURLToPath(new URL('../../../../../electron/core/pdf/stamp/stamp-worker-main.ts', import.meta.url)));
const signature = makeSignaturePng();

describe('stampPdfInWorker', () => {
  it('stamps in a worker thread and hands the bytes back', async () => {
    const input = await makePdf([{}, {}]);
    const result = await stampPdfInWorker(input, { signature }, { workerFile, timeoutMs: 20_000 });
    expect(result.stampedPages).toEqual([2]);
    expect(result.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // The caller's input is copied, not moved.
    expect(input.byteLength).toBeGreaterThan(0);
  });

  it('stops the worker at the time limit with PDF_TIMEOUT', async () => {
    const started = Date.now();
    const error = await stampPdfInWorker(await makePdf([{}]), { signature }, { workerFile, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StampError);
    expect((error as StampError).code).toBe('PDF_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('brings back StampError and CoreError with code and field', async () => {
    const notPdf = await stampPdfInWorker(new TextEncoder().encode('hello'), { signature }, { workerFile, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(notPdf).toBeInstanceOf(StampError);
    expect(notPdf).toMatchObject({ code: 'PDF_NOT_PDF' });
    const badPage = await stampPdfInWorker(
      await makePdf([{}]),
      { signature, placements: [{ page: 3, what: 'signature', rect: { x: pt(0), y: pt(0), width: pt(10), height: pt(10) } }] },
      { workerFile, timeoutMs: 20_000 },
    ).catch((e: unknown) => e);
    expect(badPage).toBeInstanceOf(CoreError);
    expect(badPage).toMatchObject({ code: 'VALIDATION', field: 'placements[0].page' });
  });

  it('passes the size cap on', async () => {
    const error = await stampPdfInWorker(await makePdf([{}]), { signature }, { workerFile, timeoutMs: 20_000, maxBytes: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_TOO_LARGE' });
  });

  it('reuses one thread for several jobs, and replaces it after a time-out', async () => {
    const input = await makePdf([{}]);
    const worker = createStampWorker({ workerFile, timeoutMs: 20_000 });
    try {
      const [a, b] = await Promise.all([worker.stamp(input, { signature }), worker.stamp(input, { signature })]);
      expect(a.stampedPages).toEqual([1]);
      expect(b.stampedPages).toEqual([1]);
      // A job that runs out of time takes its thread down; the next job gets a fresh one.
      // (200 pages take tens of milliseconds even on a warm thread; the limit is 1 ms.)
      await expect(worker.stamp(await makeLongPdf(200), { signature }, 1)).rejects.toMatchObject({ code: 'PDF_TIMEOUT' });
      expect((await worker.stamp(input, { signature })).stampedPages).toEqual([1]);
      // A job that fails in the ordinary way leaves the thread running for the next.
      await expect(worker.stamp(new Uint8Array(3), { signature })).rejects.toMatchObject({ code: 'PDF_NOT_PDF' });
      expect((await worker.stamp(input, { signature })).stampedPages).toEqual([1]);
    } finally {
      await worker.close();
    }
  });
});

describe('inspecting in the worker (stamping.inspect)', () => {
  it('reads a PDF in the thread exactly as in-process, and brings its errors back by code', async () => {
    const input = await makePdf([{}, { rotate: 90 }]);
    const worker = createStampWorker({ workerFile, timeoutMs: 20_000 });
    try {
      expect(await worker.inspect(input)).toEqual(await inspectPdf(input));
      expect(await worker.inspect(new TextEncoder().encode('hello')).catch((e: unknown) => e)).toMatchObject({ code: 'PDF_NOT_PDF' });
      // The thread survives a refused file: the next job runs on it.
      expect((await worker.inspect(input)).pageCount).toBe(2);
    } finally {
      await worker.close();
    }
  });

  it('stops reading at the time limit with PDF_TIMEOUT, and honours the size cap', async () => {
    const input = await makePdf([{}]);
    const slow = createStampWorker({ workerFile, timeoutMs: 30 });
    const capped = createStampWorker({ workerFile, timeoutMs: 20_000, maxBytes: 10 });
    try {
      const started = Date.now();
      const error = await slow.inspect(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StampError);
      expect(error).toMatchObject({ code: 'PDF_TIMEOUT', message: expect.stringMatching(/^reading the PDF took longer than 30 ms/) });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await capped.inspect(input).catch((e: unknown) => e)).toMatchObject({ code: 'PDF_TOO_LARGE' });
    } finally {
      await slow.close();
      await capped.close();
    }
  });
});
