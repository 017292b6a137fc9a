import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { METHODS, methodSchemas } from '../../electron/shared/api';
import type { ApiResult } from '../../electron/shared/api-error';
import type { MethodName } from '../../electron/shared/method-names';
import { checkCall } from '../../electron/host/call-errors';
import type { Host } from '../../electron/host/host';
import { type JsonSchema, applyMutation, junkValue, mutationArbitrary, schemaArbitrary } from './schema-arbitrary';

/** The contract's method names, read from the validator table at run time (new methods are fuzzed too). */
export const FUZZ_METHODS = Object.keys(METHODS) as MethodName[];

const SCHEMAS = methodSchemas() as Record<MethodName, JsonSchema>;

/** Text that only a leaked exception would put into an error message. */
const STACK_TRACE = /\n\s+at |\bat \S+ \(.*:\d+:\d+\)|\.(ts|js|cjs|mjs):\d+:\d+|node_modules\//;

/**
 * SHA-256 over every row of every table (read through a separate read-only connection, which sees exactly
 * what is committed, WAL included) and over the name, size and bytes of every other file in the data folder.
 * Equal digests: nothing the app keeps was changed.
 */
export function dataDigest(dataDir: string): string {
  const hash = createHash('sha256');
  const db = new Database(join(dataDir, 'pledge-desk.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().all();
      hash.update(`${table}\n`);
      for (const row of rows.map((r) => JSON.stringify(r)).sort()) hash.update(`${row}\n`);
    }
  } finally {
    db.close();
  }
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/^pledge-desk\.db(-wal|-shm|-journal)?$/.test(entry.name)) {
        hash.update(`${relative(dataDir, path)} ${statSync(path).size}\n`);
        hash.update(readFileSync(path));
      }
    }
  };
  walk(dataDir);
  return hash.digest('hex');
}

/** Ids of rows that exist, substituted into generated inputs so that valid calls reach real records. */
export interface IdPool {
  ids: string[];
}

const ID_KEYS = new Set(['id', 'draftId', 'templateId', 'by', 'supersedes']);

/** Replaces, with probability ~1/2 each, string values under id-like keys by ids from the pool. */
function withPoolIds(value: unknown, pool: IdPool, picks: number[]): unknown {
  let n = 0;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const pick = picks[n++ % picks.length] as number;
      out[key] = ID_KEYS.has(key) && typeof child === 'string' && pool.ids.length > 0 && pick % 2 === 0 ? pool.ids[pick % pool.ids.length] : visit(child);
    }
    return out;
  };
  return visit(value);
}

/** Inputs that satisfy the method's validator: generated from its JSON Schema, ids drawn from `pool`. */
export function validInput(method: MethodName, pool: IdPool): fc.Arbitrary<unknown> {
  return fc
    .tuple(schemaArbitrary(SCHEMAS[method]), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }))
    .map(([value, picks]) => withPoolIds(value, pool, picks))
    .filter((value) => METHODS[method].safeParse(value).success);
}

/**
 * Inputs that are (nearly always) malformed for the method: a valid input with one mutation (a wrongly typed
 * value, a dropped key, an extra or `__proto__` key, a huge string, deep nesting, Infinity via JSON), or no
 * object at all.
 */
export function malformedInput(method: MethodName): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(schemaArbitrary(SCHEMAS[method]), fc.nat(), fc.nat(), mutationArbitrary)
    .map(([valid, pick, keyPick, mutation]) => applyMutation(valid, pick, keyPick, mutation));
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: junkValue });
}

export interface FuzzStats {
  method: string;
  inputs: number;
  /** Inputs the validators refused (the rest were valid by accident, or on purpose for the valid side). */
  rejected: number;
  /** Calls that threw, answered INTERNAL, leaked a stack trace, or changed data for a refused input. */
  failures: string[];
  /** Milliseconds per call. */
  times: number[];
}

/** What one call must satisfy; returns a description of the violation, or null. */
async function checkOne(host: Host, dataDir: string, method: MethodName, input: unknown, stats: FuzzStats, mustReject: boolean): Promise<string | null> {
  let expected: ReturnType<typeof checkCall>;
  try {
    expected = checkCall(method, input);
  } catch (error) {
    return `checkCall threw ${String(error)}`;
  }
  const before = expected.ok ? null : dataDigest(dataDir);
  const started = performance.now();
  let result: ApiResult<unknown>;
  try {
    result = await host.dispatch(method, input);
  } catch (error) {
    return `dispatch threw ${(error as Error)?.stack ?? String(error)}`;
  } finally {
    stats.times.push(performance.now() - started);
    stats.inputs++;
  }
  if (!result.ok && STACK_TRACE.test(result.error.message)) return `stack trace in the message: ${result.error.message.slice(0, 300)}`;
  if (expected.ok) {
    const dropped = droppedKey(input, expected.input);
    if (dropped !== null) return `the validator accepted the input but silently dropped its key ${dropped}`;
    if (mustReject) return null; // A mutation that happened to stay valid: the valid side checks those.
    if (!result.ok && result.error.code === 'INTERNAL') return `a valid input gave INTERNAL: ${result.error.message}`;
    return null;
  }
  stats.rejected++;
  if (result.ok || result.error.code !== 'VALIDATION') return `expected VALIDATION, got ${JSON.stringify(result).slice(0, 300)}`;
  if (typeof result.error.message !== 'string' || result.error.message.length === 0 || result.error.message.length > 1000) {
    return `bad message ${JSON.stringify(result.error.message).slice(0, 300)}`;
  }
  if (dataDigest(dataDir) !== before) return 'a refused input changed the data folder';
  return null;
}

/**
 * The path of a `__proto__` key present in `input` but missing from what the validator returned, or null.
 * (zod drops it from records without a word. Other unknown keys of nested, non-strict objects are stripped by
 * design: they are not data the contract knows.)
 */
function droppedKey(input: unknown, parsed: unknown, path = ''): string | null {
  if (input === null || typeof input !== 'object' || parsed === null || typeof parsed !== 'object') return null;
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(parsed, key)) {
      if (key === '__proto__') return `${path}${key}`;
      continue;
    }
    const inner = droppedKey(value, (parsed as Record<string, unknown>)[key], `${path}${key}.`);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * A short, printable description of an input: at most ~400 characters, whatever its size, depth or shape
 * (JSON.stringify would never finish on an object shared 2^40 times over, and throws on a cycle).
 */
export function describeInput(input: unknown): string {
  let out = '';
  const LIMIT = 400;
  const write = (value: unknown, depth: number): void => {
    if (out.length > LIMIT) return;
    if (typeof value === 'string') out += JSON.stringify(value.length > 60 ? `${value.slice(0, 20)}…(${value.length} chars)` : value);
    else if (value === null || typeof value !== 'object') out += String(value);
    else if (depth > 12) out += '…';
    else if (Array.isArray(value)) {
      out += '[';
      value.slice(0, 20).forEach((item, i) => {
        if (i > 0) out += ',';
        write(item, depth + 1);
      });
      out += value.length > 20 ? `,…(${value.length} items)]` : ']';
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) out += `<${value.constructor?.name ?? 'object'}>`;
      out += '{';
      Object.keys(value).slice(0, 20).forEach((key, i) => {
        if (i > 0) out += ',';
        out += `${JSON.stringify(key)}:`;
        write((value as Record<string, unknown>)[key], depth + 1);
      });
      out += '}';
    }
  };
  try {
    write(input, 0);
  } catch {
    out += '(unprintable)';
  }
  return out.length > LIMIT ? `${out.slice(0, LIMIT)}…` : out;
}

export interface FuzzRun {
  seed: number;
  numRuns: number;
}

/**
 * Fuzzes one method with malformed inputs (`kind: 'malformed'`: every refused input must answer VALIDATION and
 * leave the data folder byte for byte as it was) or valid ones (`'valid'`: never INTERNAL). Never throws:
 * violations are collected in `failures` (fast-check's shrunk counterexample first).
 */
export async function fuzzMethod(host: Host, dataDir: string, method: MethodName, kind: 'malformed' | 'valid', run: FuzzRun, pool: IdPool = { ids: [] }): Promise<FuzzStats> {
  const stats: FuzzStats = { method, inputs: 0, rejected: 0, failures: [], times: [] };
  const arbitrary = kind === 'malformed' ? malformedInput(method) : validInput(method, pool);
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      const problem = await checkOne(host, dataDir, method, input, stats, kind === 'malformed');
      if (problem !== null) {
        stats.failures.push(`${method} ${describeInput(input)}: ${problem}`);
        return false;
      }
      return true;
    }),
    { seed: run.seed, numRuns: run.numRuns, endOnFailure: true },
  );
  if (details.failed && details.counterexample) stats.failures.unshift(`${method} counterexample ${describeInput(details.counterexample[0])}`);
  if (details.errorInstance) stats.failures.push(`${method}: ${String(details.errorInstance)}`);
  return stats;
}
