import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CoreError } from '../../electron/core/errors';
import { inspectPdf } from '../../electron/core/pdf/stamp/inspect-pdf';
import { StampError, isPdfErrorCode } from '../../electron/core/pdf/stamp/stamp-errors';
import type { StampWorker } from '../../electron/core/pdf/stamp/stamp-worker';
import { decodeDocument } from '../../electron/core/template/import/decode-document';
import { importPledges } from '../../electron/core/template/import/import-pledges';
import { makeDocx } from './make-docx';
import { makeSignaturePng } from './make-png';
import { REPO_ROOT } from './paths';
import { FONT } from './stamp-fixtures';

/** The shared corpus of real PDFs and the seed pages, outside the repository: read, never copied. */
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
const CORPUS_DIR = join(SHARED_DIR, 'corpus', 'pdfs');
const SEEDS_DIR = join(SHARED_DIR, 'seeds');

/** Seeds above this size are left out of the fuzzing: each mutated input must be stamped in well under 2 s. */
const MAX_SEED_BYTES = 400 * 1024;

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** The real PDFs the mutations start from: the corpus's smaller files. Empty when the corpus is missing. */
export function pdfSeeds(maxBytes = MAX_SEED_BYTES): Seed[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.pdf') && statSync(join(CORPUS_DIR, f)).size <= maxBytes)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(CORPUS_DIR, name))) }));
}

/** Documents the import mutations start from: the seed pages, a .docx, the Word 97 fixture and the text fixtures. */
export function documentSeeds(): Seed[] {
  const seeds: Seed[] = existsSync(SEEDS_DIR)
    ? readdirSync(SEEDS_DIR)
        .sort()
        .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) }))
    : [];
  const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'import');
  for (const name of ['word97.doc', 'page.html', 'multi.txt', 'gbk.txt', 'utf16le-bom.txt', 'markdown.md']) {
    seeds.push({ name, bytes: new Uint8Array(readFileSync(join(fixtures, name))) });
  }
  seeds.push({ name: 'made.docx', bytes: makeDocx(['安全生产承诺书', '一、每月开展不少于__________次安全检查。', ['承诺人签名：', '__________']]) });
  return seeds;
}

/** One byte-level mutation of a seed (indices are reduced modulo the lengths they apply to). */
export type ByteMutation =
  | { op: 'flip'; at: Array<[number, number]> }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; other: number; at: number; from: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'digits'; at: number[] }
  | { op: 'huge-line'; at: number; length: number };

/**
 * Byte mutations with inserted runs of at most `maxRun` bytes. Why a bound for PDFs: pdf-lib reads a damaged
 * file at about 3 µs per byte of garbage (linear, measured), so a 2 s budget per input holds for some 600 kB of
 * it; the documents' limit is their own (1 MB lines are refused at once).
 */
export function byteMutations(maxRun: number): fc.Arbitrary<ByteMutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('splice' as const), other: fc.nat(), at: fc.nat(), from: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }), to: fc.nat() }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
    // Object numbers, offsets and lengths: a changed digit breaks the structure rather than the content.
    fc.record({ op: fc.constant('digits' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('huge-line' as const), at: fc.nat(), length: fc.integer({ min: Math.min(10_000, maxRun), max: maxRun }) }),
  );
}

/** Mutations for documents: runs up to a megabyte. */
export const byteMutation: fc.Arbitrary<ByteMutation> = byteMutations(1_000_000);

/** Mutations for PDFs: runs up to 150 kB (see `byteMutations`). */
export const pdfMutation: fc.Arbitrary<ByteMutation> = byteMutations(150_000);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Applies `mutation` to a copy of `seeds[pick]` (`splice` takes its tail from another seed). */
export function mutateBytes(seeds: readonly Seed[], pick: number, mutation: ByteMutation): Uint8Array {
  const base = (seeds[pick % seeds.length] as Seed).bytes;
  const len = Math.max(1, base.length);
  switch (mutation.op) {
    case 'flip': {
      const out = new Uint8Array(base);
      for (const [at, byte] of mutation.at) if (out.length > 0) out[at % out.length] = byte;
      return out;
    }
    case 'truncate':
      return base.slice(0, mutation.at % len);
    case 'splice': {
      const other = (seeds[mutation.other % seeds.length] as Seed).bytes;
      return concat(base.subarray(0, mutation.at % len), other.subarray(mutation.from % Math.max(1, other.length)));
    }
    case 'duplicate': {
      const at = mutation.at % len;
      const to = mutation.to % len;
      return concat(base.subarray(0, to), base.subarray(at, at + mutation.length), base.subarray(to));
    }
    case 'delete': {
      const at = mutation.at % len;
      return concat(base.subarray(0, at), base.subarray(at + mutation.length));
    }
    case 'digits': {
      const out = new Uint8Array(base);
      for (const start of mutation.at) {
        for (let i = start % len, n = 0; n < 4096 && i < out.length; i++, n++) {
          const b = out[i] as number;
          if (b >= 0x30 && b <= 0x39) {
            out[i] = 0x30 + ((b - 0x30 + 1 + (start % 9)) % 10);
            break;
          }
        }
      }
      return out;
    }
    case 'huge-line': {
      const at = mutation.at % len;
      return concat(base.subarray(0, at), new Uint8Array(mutation.length).fill(0x41 + (mutation.at % 26)), base.subarray(at));
    }
  }
}

/** The outcome of one fuzzed input: what happened, how long it took, and the violation if any. */
export interface CaseResult {
  outcome: string;
  ms: number;
  problem: string | null;
}

const IMPORT_CODES = new Set(['IMPORT_EMPTY', 'IMPORT_TOO_LARGE', 'IMPORT_UNSUPPORTED', 'IMPORT_DAMAGED']);

/** Decodes and imports a document: templates, or a CoreError with an import code. Anything else is a problem. */
export async function importCase(bytes: Uint8Array, fileName: string): Promise<CaseResult> {
  const started = performance.now();
  try {
    const { text } = await decodeDocument(bytes, fileName);
    const templates = importPledges(text);
    const ms = performance.now() - started;
    return { outcome: 'templates', ms, problem: templates.length > 0 ? null : 'no templates and no error' };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof CoreError && IMPORT_CODES.has(error.code)) return { outcome: error.code, ms, problem: null };
    return { outcome: 'crash', ms, problem: `unexpected ${error instanceof CoreError ? `CoreError ${error.code}` : ((error as Error)?.stack ?? String(error))}` };
  }
}

/** Accepts a stamping result or a stable StampError code; anything else (a plain Error, a timeout) is a problem. */
function pdfOutcome(error: unknown): { outcome: string; problem: string | null } {
  if (error instanceof StampError && isPdfErrorCode(error.code)) {
    return error.code === 'PDF_TIMEOUT' ? { outcome: error.code, problem: 'hit the time limit' } : { outcome: error.code, problem: null };
  }
  return { outcome: 'crash', problem: `unexpected ${error instanceof CoreError ? `CoreError ${error.code}` : ((error as Error)?.stack ?? String(error))}` };
}

/** Reads the PDF's pages, boxes and form (what `stamping.inspect` does, in the calling thread). */
export async function inspectCase(bytes: Uint8Array): Promise<CaseResult> {
  const started = performance.now();
  try {
    const inspection = await inspectPdf(bytes);
    const ms = performance.now() - started;
    return { outcome: 'inspected', ms, problem: inspection.pageCount === inspection.pages.length && inspection.pageCount > 0 ? null : `pageCount ${inspection.pageCount} for ${inspection.pages.length} pages` };
  } catch (error) {
    return { ...pdfOutcome(error), ms: performance.now() - started };
  }
}

const SIGNATURE = makeSignaturePng();

/** Stamps a signature (and, every other call, the date) in `worker`, the host's way of stamping. */
export async function stampCase(worker: StampWorker, bytes: Uint8Array, withDate: boolean): Promise<CaseResult> {
  const started = performance.now();
  try {
    const result = await worker.stamp(bytes, withDate ? { signature: SIGNATURE, date: '2026-11-28', font: FONT } : { signature: SIGNATURE });
    const ms = performance.now() - started;
    const head = Buffer.from(result.bytes.subarray(0, 5)).toString('latin1');
    return { outcome: 'stamped', ms, problem: head === '%PDF-' && result.stampedPages.length > 0 ? null : 'a result that is not a stamped PDF' };
  } catch (error) {
    return { ...pdfOutcome(error), ms: performance.now() - started };
  }
}

/** `p`-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}
