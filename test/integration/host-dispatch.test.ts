import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary, TemplateSummary } from '../../electron/shared/dto';
import { METHOD_NAMES } from '../../electron/shared/method-names';
import type { Template } from '../../electron/shared/template';
import type { Host } from '../../electron/host/host';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import type { ManualClock } from '../support/test-host';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, createTestHost, err, ok } from '../support/test-host';

let dataDir: string;
let host: Host;
let clock: ManualClock;
let logs: string[];

beforeAll(() => {
  dataDir = makeTempDir('pledge-dispatch-');
  ({ host, clock, logs } = createTestHost(dataDir));
});

afterAll(() => {
  host.close();
  removeTempDirs();
});

const newDraft = async (): Promise<string> => ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID })).id;

describe('templates', () => {
  it('templates.list gives the built-in templates, newest version each, sorted by title', async () => {
    const list = ok<TemplateSummary[]>(await host.dispatch('templates.list', {}));
    expect(list.find((t) => t.id === TEMPLATE_ID)).toEqual({
      id: TEMPLATE_ID,
      version: expect.stringMatching(/^[0-9a-f]{64}$/),
      title: '网店经营服务保障承诺书',
      sectionCount: 5,
      fieldCount: 16,
    });
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
    const titles = list.map((t) => t.title);
    expect([...titles].sort()).toEqual(titles);
  });

  it('templates.get returns the newest version, or the one asked for', async () => {
    const summary = ok<TemplateSummary[]>(await host.dispatch('templates.list', {})).find((t) => t.id === TEMPLATE_ID);
    const latest = ok<Template>(await host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const exact = ok<Template>(await host.dispatch('templates.get', { id: TEMPLATE_ID, version: summary?.version }));
    expect(latest.version).toBe(summary?.version);
    expect(exact).toEqual(latest);
    expect(latest.sections).toHaveLength(5);
    expect(latest.fields.map((f) => f.id)).toContain('c2.2-1');
  });

  it('templates.get with an unknown version or id → TEMPLATE_NOT_FOUND', async () => {
    expect(err(await host.dispatch('templates.get', { id: TEMPLATE_ID, version: 'f'.repeat(64) })).code).toBe('TEMPLATE_NOT_FOUND');
    expect(err(await host.dispatch('templates.get', { id: 'no-such-template' })).code).toBe('TEMPLATE_NOT_FOUND');
    expect(err(await host.dispatch('drafts.create', { templateId: 'no-such-template' })).code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('seeds built-in templates once: a second host on the same folder lists the same single version', async () => {
    const second = createTestHost(dataDir, { seed: 99 });
    try {
      expect(ok<TemplateSummary[]>(await second.host.dispatch('templates.list', {}))).toEqual(
        ok<TemplateSummary[]>(await host.dispatch('templates.list', {})),
      );
    } finally {
      second.host.close();
    }
  });
});

describe('drafts', () => {
  it('drafts.create then drafts.get: an open draft at step intro with no values', async () => {
    const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
    expect(id).toMatch(/^d_[0-9a-f]{16}$/);
    const draft = ok<Draft>(await host.dispatch('drafts.get', { id }));
    expect(draft).toEqual({
      id,
      templateId: TEMPLATE_ID,
      templateVersion: expect.stringMatching(/^[0-9a-f]{64}$/),
      title: '网店经营服务保障承诺书',
      values: {},
      signer: null,
      step: 'intro',
      status: 'open',
      archiveId: null,
      acks: {},
      createdAt: clock().toISOString(),
      updatedAt: clock().toISOString(),
      deletedAt: null,
      newerVersion: null,
    });
  });

  it('drafts.update merges values, keeps invalid ones as typed, and returns the commit time', async () => {
    const id = await newDraft();
    clock.tick(1000);
    const first = ok<{ savedAt: string }>(await host.dispatch('drafts.update', { id, values: { 'c2.2-1': '150' } }));
    expect(first.savedAt).toBe(clock().toISOString());
    clock.tick(1000);
    ok(await host.dispatch('drafts.update', { id, values: { 'pre-2': '淘宝', 'pre-1': { option: '其他' } } }));
    clock.tick(1000);
    ok(await host.dispatch('drafts.update', { id, step: 'section-2', signer: SIGNER }));
    const draft = ok<Draft>(await host.dispatch('drafts.get', { id }));
    expect(draft.values).toEqual({ 'c2.2-1': '150', 'pre-2': '淘宝', 'pre-1': { option: '其他' } });
    expect(draft.step).toBe('section-2');
    expect(draft.signer).toEqual(SIGNER);
    expect(draft.updatedAt).toBe(clock().toISOString());
    expect(draft.createdAt).not.toBe(draft.updatedAt);
  });

  it('drafts.update replaces a key that is given again, and keeps values as typed (spaces included)', async () => {
    const id = await newDraft();
    ok(await host.dispatch('drafts.update', { id, values: { 'c1.1-1': '5' } }));
    ok(await host.dispatch('drafts.update', { id, values: { 'c1.1-1': ' 7 ' } }));
    expect(ok<Draft>(await host.dispatch('drafts.get', { id })).values).toEqual({ 'c1.1-1': ' 7 ' });
  });

  it('a saved value is committed: a SECOND host on the same data folder reads it', async () => {
    const id = await newDraft();
    ok(await host.dispatch('drafts.update', { id, values: { 'c3.3-1': '12345.6' }, signer: SIGNER }));
    const second = createTestHost(dataDir, { seed: 7 });
    try {
      const draft = ok<Draft>(await second.host.dispatch('drafts.get', { id }));
      expect(draft.values).toEqual({ 'c3.3-1': '12345.6' });
      expect(draft.signer).toEqual(SIGNER);
    } finally {
      second.host.close();
    }
  });

  it('drafts.update with a field the template does not have → UNKNOWN_FIELD naming it', async () => {
    const id = await newDraft();
    const e = err(await host.dispatch('drafts.update', { id, values: { 'c9.9-1': '1' } }));
    expect(e).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'c9.9-1' });
    expect(e.message).toContain('c9.9-1');
    // A signature is not a value: it travels as an image at signing time.
    expect(err(await host.dispatch('drafts.update', { id, values: { 'signature-1': 'x' } })).code).toBe('UNKNOWN_FIELD');
    // Nothing of the refused update was stored, not even its valid keys.
    ok(await host.dispatch('drafts.update', { id, values: { 'c1.1-1': '3' } }));
    expect(err(await host.dispatch('drafts.update', { id, values: { 'c1.1-1': '4', nope: '1' } })).code).toBe('UNKNOWN_FIELD');
    expect(ok<Draft>(await host.dispatch('drafts.get', { id })).values).toEqual({ 'c1.1-1': '3' });
  });

  it('drafts.update refuses a value of the wrong shape or an unknown option → VALIDATION', async () => {
    const id = await newDraft();
    expect(err(await host.dispatch('drafts.update', { id, values: { 'c2.2-1': { option: '10' } } })).code).toBe('VALIDATION');
    expect(err(await host.dispatch('drafts.update', { id, values: { 'pre-1': { option: '公司' } } })).code).toBe('VALIDATION');
    expect(err(await host.dispatch('drafts.update', { id, values: { 'c2.2-1': 10 } })).code).toBe('VALIDATION');
  });

  it('drafts.update accepts every wizard step key and refuses others → VALIDATION on step', async () => {
    const id = await newDraft();
    for (const step of ['intro', 'section-1', 'section-5', 'sign']) ok(await host.dispatch('drafts.update', { id, step }));
    for (const step of ['section-0', 'section-6', 'outro', 'Intro', '']) {
      expect(err(await host.dispatch('drafts.update', { id, step })), step).toMatchObject({ code: 'VALIDATION', field: 'step' });
    }
    expect(ok<Draft>(await host.dispatch('drafts.get', { id })).step).toBe('sign');
  });

  it('unknown draft ids → DRAFT_NOT_FOUND', async () => {
    expect(err(await host.dispatch('drafts.get', { id: 'd_0000000000000000' })).code).toBe('DRAFT_NOT_FOUND');
    expect(err(await host.dispatch('drafts.update', { id: 'd_0000000000000000', values: {} })).code).toBe('DRAFT_NOT_FOUND');
    expect(err(await host.dispatch('signing.finalize', { draftId: 'd_0000000000000000', signatures: {}, date: '2026-11-28' })).code).toBe(
      'DRAFT_NOT_FOUND',
    );
  });

  it('drafts.list: most recently changed first, with filled counts and signer names', async () => {
    const dir = makeTempDir('pledge-list-');
    const { host: h, clock: c } = createTestHost(dir, { seed: 3 });
    try {
      const create = async () => ok<{ id: string }>(await h.dispatch('drafts.create', { templateId: TEMPLATE_ID })).id;
      const a = await create();
      c.tick(1000);
      const b = await create();
      c.tick(1000);
      const d = await create();
      c.tick(1000);
      ok(await h.dispatch('drafts.update', { id: a, values: { 'c1.1-1': '5', 'c2.2-1': '  ', 'pre-1': { option: '企业' } }, signer: SIGNER }));
      c.tick(1000);
      ok(await h.dispatch('drafts.update', { id: d, values: VALID_VALUES }));
      const list = ok<DraftSummary[]>(await h.dispatch('drafts.list', {}));
      expect(list.map((s) => s.id)).toEqual([d, a, b]);
      const byId = Object.fromEntries(list.map((s) => [s.id, s]));
      // fieldCount counts what a signer types: signature fields are drawn at signing, not typed.
      const template = ok<Template>(await h.dispatch('templates.get', { id: TEMPLATE_ID }));
      const typed = template.fields.filter((f) => f.kind !== 'signature').length;
      expect(byId[a]).toMatchObject({ filled: 2, fieldCount: typed, signerName: '张三', organisation: '杭州某某贸易有限公司', status: 'open' });
      expect(byId[b]).toMatchObject({ filled: 0, signerName: null, organisation: null });
      expect(byId[d]?.filled).toBe(Object.keys(VALID_VALUES).length);
      const updated = list.map((s) => s.updatedAt);
      expect([...updated].sort().reverse()).toEqual(updated);
    } finally {
      h.close();
    }
  });
});

describe('dispatch never throws: malformed input → VALIDATION, unknown method → UNKNOWN_METHOD', () => {
  const cases: Array<[string, string, unknown]> = [
    ['missing id', 'drafts.get', {}],
    ['null input', 'drafts.get', null],
    ['string input', 'drafts.get', 'd_1'],
    ['array input', 'drafts.get', ['d_1']],
    ['number id', 'drafts.get', { id: 42 }],
    ['empty id', 'drafts.get', { id: '' }],
    ['huge id', 'drafts.get', { id: 'x'.repeat(100_000) }],
    ['extra key', 'drafts.get', { id: 'd_1', admin: true }],
    ['__proto__ key', 'drafts.get', JSON.parse('{"id":"d_1","__proto__":{"polluted":true}}')],
    ['values not an object', 'drafts.update', { id: 'd_1', values: 'x' }],
    ['value too long', 'drafts.update', { id: 'd_1', values: { 'pre-2': '字'.repeat(2001) } }],
    ['value null', 'drafts.update', { id: 'd_1', values: { 'pre-2': null } }],
    ['bad signer type', 'drafts.update', { id: 'd_1', signer: { type: 'company', name: 'x' } }],
    ['signer name too long', 'drafts.update', { id: 'd_1', signer: { type: '个人', name: 'x'.repeat(201) } }],
    ['step too long', 'drafts.update', { id: 'd_1', step: 's'.repeat(65) }],
    ['extra key on list', 'templates.list', { x: 1 }],
    ['templateId number', 'drafts.create', { templateId: 1 }],
    ['finalize without date', 'signing.finalize', { draftId: 'd_1', signatures: {} }],
    ['finalize bad date format', 'signing.finalize', { draftId: 'd_1', signatures: {}, date: '28/11/2026' }],
    ['finalize signatures array', 'signing.finalize', { draftId: 'd_1', signatures: [], date: '2026-11-28' }],
    ['finalize non-image data URL', 'signing.finalize', { draftId: 'd_1', signatures: { 'signature-1': { png: 'data:text/html;base64,PGgxPg==' } }, date: '2026-11-28' }],
    ['archive.get without id', 'archive.get', {}],
  ];

  it.each(cases)('%s (%s) → VALIDATION', async (_name, method, input) => {
    const result = await host.dispatch(method, input);
    expect(err(result).code).toBe('VALIDATION');
    expect(typeof err(result).message).toBe('string');
  });

  it('does not let a __proto__ key pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['drafts.purge', 'templates', '', '__proto__', 'constructor', 'toString', 'blobs.put'])('method %j → UNKNOWN_METHOD', async (method) => {
    expect(err(await host.dispatch(method, {})).code).toBe('UNKNOWN_METHOD');
  });

  it('every contract method answers with an envelope, even for garbage input', async () => {
    for (const method of METHOD_NAMES) {
      for (const input of [undefined, null, 0, 'x', [], { id: {} }]) {
        const result = await host.dispatch(method, input);
        expect(typeof result.ok, `${method} ${JSON.stringify(input)}`).toBe('boolean');
        if (!result.ok) expect(result.error.code, `${method} ${JSON.stringify(input)}`).not.toBe('INTERNAL');
      }
    }
  });

  it('logged no internal error during all of the above', () => {
    expect(logs).toEqual([]);
  });
});

describe('blobs', () => {
  it('putBlob stores bytes under their SHA-256 and readBlob returns them with a sniffed type', async () => {
    const bytes = new TextEncoder().encode('扫描件 scan bytes');
    const { blobId } = ok<{ blobId: string }>(await host.putBlob(bytes));
    expect(blobId).toMatch(/^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    expect(blobId).toBe(createHash('sha256').update(bytes).digest('hex'));
    const blob = host.readBlob(blobId);
    expect(Buffer.from(blob?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(blob?.contentType).toBe('application/octet-stream');
  });

  it('readBlob refuses ids that are not 64 hex digits (no path tricks) and unknown ids', () => {
    for (const id of ['../pledge-desk.db', '..%2fpledge-desk.db', 'pledge-desk.db', 'A'.repeat(64), '0'.repeat(63), '0'.repeat(64)]) {
      expect(host.readBlob(id), id).toBeNull();
    }
  });
});

describe('a closed host', () => {
  it('answers INTERNAL instead of touching the closed database', async () => {
    const { host: h } = createTestHost(makeTempDir('pledge-closed-'));
    h.close();
    h.close();
    expect(err(await h.dispatch('templates.list', {})).code).toBe('INTERNAL');
  });
});
