import { request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/shared/api-error';
import { BLOB_PUT_CHANNEL, CHANNEL_PREFIX, METHOD_NAMES, type MethodName } from '../../electron/shared/method-names';
import { checkCall } from '../../electron/host/call-errors';
import type { Host } from '../../electron/host/host';
import { MAX_JSON_BYTES, type RunningServer, startServer } from '../../electron/host/serve';
import { FOREIGN_FRAME_RESULT, registerIpc } from '../../electron/shell/ipc';
import { FUZZ_METHODS, dataDigest, describeInput, malformedInput } from '../support/api-fuzz';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { createTestHost } from '../support/test-host';

/**
 * The two transports in front of `dispatch`, fuzzed: `pledge serve`'s POST bodies (random bytes, broken
 * JSON, JSON nested past any limit, the wrong content type, made-up method names) must get a 4xx or a
 * VALIDATION envelope, never a 5xx, and must change nothing; the Electron IPC handlers must refuse every
 * foreign frame without reaching the host, and hand every malformed input from the app's frame to the
 * validators, including what only structured clone can carry (typed arrays, Maps, cycles).
 */

const SEED = 7_2026;
const RUNS = 60;
const TOKEN = 'fuzz-token-0123456789abcdef';

let host: Host;
let dataDir: string;
let server: RunningServer;
/** How many calls reached `host.dispatch` (the IPC frame check must keep this at zero for foreign frames). */
let dispatched = 0;

afterAll(removeTempDirs);

beforeAll(async () => {
  const root = makeTempDir('pledge-transport-fuzz-');
  dataDir = join(root, 'data');
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pledge Desk</title>');
  const real = createTestHost(dataDir).host;
  await real.autoBackup;
  host = {
    ...real,
    dispatch: (method, input) => {
      dispatched++;
      return real.dispatch(method, input);
    },
    close: () => real.close(),
  };
  server = await startServer({ host, rendererDir, port: 0, token: TOKEN });
});

afterAll(async () => {
  await server.close();
  host.close();
});

interface Reply {
  status: number;
  text: string;
}

function post(path: string, body: Buffer, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path, agent: false, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Length': String(body.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The reply's envelope, or null when the reply is not one (a plain-text 4xx). */
function envelope(reply: Reply): ApiResult<unknown> | null {
  try {
    return JSON.parse(reply.text) as ApiResult<unknown>;
  } catch {
    return null;
  }
}

/** Body text JSON cannot build by stringify (nesting past V8's recursion), or that is not JSON at all. */
const rawBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
  fc.jsonValue().map((v) => {
    const text = JSON.stringify(v) ?? 'null';
    return Buffer.from(text.slice(0, Math.max(1, text.length - 1))); // truncated: mostly invalid
  }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => Buffer.from(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity', 'null', 'true', '[]', '"x"', '\ufeff{}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}').map((s) => Buffer.from(s)),
);

describe('pledge serve: POST bodies', () => {
  it('malformed inputs as JSON → HTTP 200 with VALIDATION (or 413 when too large), data unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUZZ_METHODS), fc.nat(), async (method, n) => {
        const [input] = fc.sample(malformedInput(method), { seed: SEED + n, numRuns: 1 });
        let text: string | undefined;
        try {
          text = JSON.stringify(input);
        } catch {
          return; // Nested past what JSON.stringify can write: the raw-body property sends such text.
        }
        const body = Buffer.from(text ?? '');
        const expected = checkCall(method, body.length === 0 ? {} : JSON.parse(body.toString('utf8')));
        const before = dataDigest(dataDir);
        const reply = await post(`/api/${method}`, body, { 'Content-Type': 'application/json' });
        if (body.length > MAX_JSON_BYTES) {
          expect(reply.status).toBe(413);
          return;
        }
        expect(reply.status, describeInput(input)).toBe(200);
        const got = envelope(reply);
        if (expected.ok) {
          expect(got?.ok === false && got.error.code === 'INTERNAL').toBe(false);
          return;
        }
        expect(got, describeInput(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(dataDigest(dataDir)).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('random bytes, broken and over-deep JSON → 400 or a VALIDATION envelope, never 5xx', async () => {
    const before = dataDigest(dataDir);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<MethodName>('drafts.create', 'drafts.update', 'templates.save', 'profiles.save', 'archive.void'), rawBody, async (method, body) => {
        const reply = await post(`/api/${method}`, body, { 'Content-Type': 'application/json' });
        expect(reply.status, body.toString('utf8').slice(0, 80)).toBeLessThan(500);
        if (reply.status === 200) expect(envelope(reply), body.toString('utf8').slice(0, 80)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        else expect(reply.status).toBe(400);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(dataDigest(dataDir)).toBe(before);
  }, 60_000);

  it('a valid input under any content type but JSON → 415, the host never called', async () => {
    const type = fc.oneof(
      fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x', 'text/json', 'application/jsonp', 'application/json-patch+json', 'application/xml', ''),
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /^[\x21-\x7e ]+$/.test(s) && !/^\s*application\/json\s*(;|$)/i.test(s)),
    );
    await fc.assert(
      fc.asyncProperty(type, async (contentType) => {
        const calls = dispatched;
        const reply = await post('/api/drafts.create', Buffer.from('{"templateId":"ecommerce-service"}'), { 'Content-Type': contentType });
        expect(reply.status, contentType).toBe(415);
        expect(dispatched).toBe(calls);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('made-up method names → 404, the host never called', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !(METHOD_NAMES as readonly string[]).includes(s) && s !== 'session'),
        async (name) => {
          const calls = dispatched;
          const reply = await post(`/api/${encodeURIComponent(name)}`, Buffer.from('{}'), { 'Content-Type': 'application/json' });
          expect([404, 403], name).toContain(reply.status);
          expect(dispatched).toBe(calls);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);
});

type Handler = (event: unknown, input: unknown) => Promise<ApiResult<unknown>>;

describe('Electron IPC handlers', () => {
  const handlers = new Map<string, Handler>();
  const TRUSTED = { senderFrame: { url: 'app://pledge-desk/index.html', parent: null } };

  beforeAll(() => {
    registerIpc(
      {
        handle: (channel: string, fn: Handler) => void handlers.set(channel, fn),
        removeHandler: (channel: string) => void handlers.delete(channel),
      } as unknown as Parameters<typeof registerIpc>[0],
      host,
    );
  });

  /** What structured clone carries besides JSON: class instances, typed arrays, cycles, shared subtrees. */
  const cloneOnly: fc.Arbitrary<unknown> = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.constant(new Map([['id', 'x']])),
    fc.constant(new Set(['x'])),
    fc.date({ noInvalidDate: true }),
    fc.constant(new ArrayBuffer(8)),
    fc.constant(/id/),
    fc.constant(
      (() => {
        const cycle: Record<string, unknown> = { id: 'd1' };
        cycle.values = cycle;
        return cycle;
      })(),
    ),
    fc.constant(
      (() => {
        let shared: unknown = 'x';
        for (let i = 0; i < 40; i++) shared = [shared, shared];
        return { id: 'd1', values: { a: shared } };
      })(),
    ),
    fc.uint8Array({ maxLength: 8 }).map((png) => ({ id: 'd1', template: { id: png }, signature: { png } })),
  );

  it('from the app frame, malformed or clone-only input → VALIDATION, data unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUZZ_METHODS), fc.nat(), fc.boolean(), cloneOnly, async (method, n, useCloneOnly, exotic) => {
        const input = useCloneOnly ? exotic : fc.sample(malformedInput(method), { seed: SEED + n, numRuns: 1 })[0];
        const expected = checkCall(method, input);
        const before = dataDigest(dataDir);
        const result = await handlers.get(CHANNEL_PREFIX + method)!(TRUSTED, input);
        if (expected.ok) {
          expect(!result.ok && result.error.code === 'INTERNAL').toBe(false);
          return;
        }
        expect(result, `${method} ${describeInput(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(dataDigest(dataDir)).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 60_000);

  it('from any other frame → the foreign-frame refusal, the host never called', async () => {
    const frame = fc.oneof(
      fc.webUrl().map((url) => ({ senderFrame: { url, parent: null } })),
      fc.constantFrom('app://pledge-desk/index.html', 'app://evil/index.html', 'app://pledge-desk:8080/', 'file:///etc/passwd', 'pledge-blob://x', 'about:blank', '').map((url) => ({
        senderFrame: { url, parent: { url: 'app://pledge-desk/index.html' } },
      })),
      fc.constant({ senderFrame: null }),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUZZ_METHODS, BLOB_PUT_CHANNEL.slice(CHANNEL_PREFIX.length)), frame, fc.jsonValue(), async (method, event, input) => {
        const calls = dispatched;
        const result = await handlers.get(CHANNEL_PREFIX + method)!(event, input);
        expect(result).toEqual(FOREIGN_FRAME_RESULT);
        expect(dispatched).toBe(calls);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 60_000);
});
