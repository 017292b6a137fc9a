import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, MethodResult } from '../shared/api';
import { CoreError } from '../core/errors';
import { decodeImageDataUrl } from '../core/pdf/image-bytes';
import type { PdfPoint } from '../core/pdf/pdf-units';
import { inspectPdf, type PdfInspection } from '../core/pdf/stamp/inspect-pdf';
import type { Placement, StampOptions, StampResult } from '../core/pdf/stamp/stamp-options';
import { stampPdf } from '../core/pdf/stamp/stamp-pdf';
import { createStampWorker, type StampWorker } from '../core/pdf/stamp/stamp-worker';
import { canonicalJson } from '../core/util/canonical-json';
import { sha256Hex } from '../core/util/sha256-hex';
import type { HostContext } from './handlers';
import { newArchiveId } from './new-ids';

/** Wall-clock limit for one stamping job: a hostile PDF may not hold the app longer than this. */
export const STAMP_TIMEOUT_MS = 30_000;

/** What the host runs outside PDFs through: reading them (`stamping.inspect`) and stamping them. */
export interface Stamper {
  stamp: (bytes: Uint8Array, options: StampOptions) => Promise<StampResult>;
  inspect: (bytes: Uint8Array, password?: string) => Promise<PdfInspection>;
  close: () => void;
}

/**
 * Runs stamping, and the reading of an uploaded PDF that comes before it, off the calling thread when the
 * bundled worker exists (dist/electron/stamp-worker.cjs, next to the bundle that holds this code), so one bad
 * file cannot freeze the app — in Electron the host shares the main process with every window: a damaged
 * 100 MB upload takes pdf-lib minutes to parse. In tests (TypeScript sources, no bundle) both run in-process,
 * stamping with the same deadline checked between phases.
 */
export function createStamper(workerFile = bundledWorkerFile()): Stamper {
  let worker: StampWorker | null = null;
  if (existsSync(workerFile)) worker = createStampWorker({ workerFile, timeoutMs: STAMP_TIMEOUT_MS });
  return {
    stamp: (bytes, options) =>
      worker ? worker.stamp(bytes, options) : stampPdf(bytes, options, { deadline: { now: () => performance.now(), at: performance.now() + STAMP_TIMEOUT_MS } }),
    inspect: (bytes, password) => (worker ? worker.inspect(bytes, password) : inspectPdf(bytes, password === undefined ? {} : { password })),
    close: () => void worker?.close(),
  };
}

/** `stamp-worker.cjs` beside the CommonJS bundle; none when running from ESM sources (tsx, benchmarks). */
function bundledWorkerFile(): string {
  return typeof __dirname === 'string' ? join(__dirname, 'stamp-worker.cjs') : '';
}

type Input<M extends 'stamping.inspect' | 'stamping.stamp'> = MethodInput<M>;

/** `stamping.inspect` and `stamping.stamp`: outside PDFs, stamped here and archived as `stamped` records. */
export const STAMPING_HANDLERS = {
  'stamping.inspect': async (input: Input<'stamping.inspect'>, ctx: HostContext): Promise<MethodResult<'stamping.inspect'>> => {
    const bytes = sourceBytes(ctx, input.blobId);
    const inspection = await ctx.stamper.inspect(bytes, input.password);
    return inspection as unknown as MethodResult<'stamping.inspect'>;
  },
  'stamping.stamp': async (input: Input<'stamping.stamp'>, ctx: HostContext): Promise<MethodResult<'stamping.stamp'>> => {
    const bytes = sourceBytes(ctx, input.blobId);
    const signature = decodeImageDataUrl(input.signature.png, 'signature');
    const seal = input.seal ? decodeImageDataUrl(input.seal.png, 'seal') : undefined;
    const options: StampOptions = {
      signature,
      ...(seal ? { seal } : {}),
      ...(input.date ? { date: input.date, font: ctx.font() } : {}),
      ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
      ...(input.placements ? { placements: input.placements as unknown as Placement[] } : {}),
      ...(input.block
        ? { block: { page: input.block.page, ...(input.block.at ? { at: { x: input.block.at.x as PdfPoint, y: input.block.at.y as PdfPoint } } : {}) } }
        : {}),
      ...(input.crossPageSeal ? { crossPageSeal: true } : {}),
      ...(input.fillForm ? { fillForm: input.fillForm, font: ctx.font() } : {}),
      ...(input.flattenForm ? { flattenForm: true } : {}),
      ...(input.password !== undefined ? { password: input.password } : {}),
    };
    const result = await ctx.stamper.stamp(bytes, options);
    const now = ctx.clock();
    const id = newArchiveId(now, ctx.randomBytes);
    const date = input.date ?? now.toISOString().slice(0, 10);
    const sourceSha256 = sha256Hex(bytes);
    const imageSha256s: Record<string, string> = { signature: sha256Hex(signature), ...(seal ? { seal: sha256Hex(seal) } : {}) };
    // What was stamped onto what: the source file, the signer, the date, the images and where they went.
    const contentHash = sha256Hex(
      canonicalJson({ schema: 1, kind: 'stamped', sourceSha256, signer: input.signer, date, imageSha256s, placed: result.placed }),
    );
    const fileSha256 = ctx.pdfs.put(result.bytes);
    ctx.db
      .transaction(() =>
        ctx.archive.insert(
          {
            id,
            kind: 'stamped',
            templateId: 'stamped',
            templateVersion: sourceSha256,
            title: input.fileName?.replace(/\.pdf$/i, '') || '盖章文件',
            signer: input.signer,
            values: {},
            date,
            signedAt: now.toISOString(),
            fileSha256,
            fileBytes: result.bytes.length,
            contentHash,
            draftId: null,
          },
          null,
          Buffer.from(ctx.randomBytes(16)).toString('hex'),
        ),
      )
      .immediate();
    return { id, fileSha256, contentHash, warnings: result.warnings, placed: result.placed as MethodResult<'stamping.stamp'>['placed'] };
  },
};

function sourceBytes(ctx: HostContext, blobId: string): Uint8Array {
  const bytes = ctx.readBlob(blobId);
  if (!bytes) throw new CoreError('BLOB_NOT_FOUND', `no uploaded file ${blobId}`, 'blobId');
  return bytes;
}
