import { afterAll, describe, expect, it } from 'vitest';
import type { ClauseChange, Draft, DraftSummary, FinalizeResult, ImportedTemplate, Signer } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { clauseText, withClauseText, withField, withoutClause } from '../support/template-edits';
import type { TestHost } from '../support/test-host';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, createTestHost, err, ok } from '../support/test-host';

/**
 * Drafts beyond create/get/update: per-clause acknowledgements, the trash, duplication, search and sort, and
 * moving a draft to a newer template version. Each describe block gets its own data folder, so that saving a
 * new template version in one cannot change what another sees.
 */

const open: TestHost[] = [];
afterAll(() => {
  for (const t of open.splice(0)) t.host.close();
  removeTempDirs();
});

function fresh(seed = 1): TestHost {
  const t = createTestHost(makeTempDir('pledge-drafts-'), { seed });
  open.push(t);
  return t;
}

const SIGNATURES = { 'signature-1': { png: pngDataUrl(makeSignaturePng()) } };
const DATE = '2026-11-28';

async function create(t: TestHost, templateId = TEMPLATE_ID): Promise<string> {
  return ok<{ id: string }>(await t.host.dispatch('drafts.create', { templateId })).id;
}
const get = async (t: TestHost, id: string): Promise<Draft> => ok<Draft>(await t.host.dispatch('drafts.get', { id }));
const list = async (t: TestHost, input: object = {}): Promise<DraftSummary[]> => ok<DraftSummary[]>(await t.host.dispatch('drafts.list', input));
const update = async (t: TestHost, input: object): Promise<{ savedAt: string }> => ok<{ savedAt: string }>(await t.host.dispatch('drafts.update', input));

async function signedDraft(t: TestHost): Promise<string> {
  const id = await create(t);
  await update(t, { id, values: VALID_VALUES, signer: SIGNER });
  ok<FinalizeResult>(await t.host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date: DATE }));
  return id;
}

describe('per-clause acknowledgements', () => {
  const t = fresh(21);

  it('a confirmation is stored with the clock time of the update that made it', async () => {
    const id = await create(t);
    t.clock.tick(60_000);
    const { savedAt } = await update(t, { id, acks: { '1.1': true } });
    expect(savedAt).toBe(t.clock().toISOString());
    t.clock.tick(5_000);
    await update(t, { id, acks: { '2.3': true } });
    expect((await get(t, id)).acks).toEqual({ '1.1': savedAt, '2.3': t.clock().toISOString() });
  });

  it('confirming a confirmed clause again keeps the first time; false withdraws it', async () => {
    const id = await create(t);
    await update(t, { id, acks: { '1.2': true, '1.3': true } });
    const first = t.clock().toISOString();
    t.clock.tick(1_000);
    await update(t, { id, acks: { '1.2': true, '1.3': false } });
    expect((await get(t, id)).acks).toEqual({ '1.2': first });
  });

  it('changing an answer in a confirmed clause withdraws that clause only', async () => {
    const id = await create(t);
    await update(t, { id, values: { 'c2.3-1': '24', 'c2.3-2': '3', 'c2.2-1': '10' } });
    t.clock.tick(1_000);
    await update(t, { id, acks: { '1.1': true, '2.2': true, '2.3': true } });
    const at = t.clock().toISOString();
    t.clock.tick(1_000);
    await update(t, { id, values: { 'c2.3-2': '5' } });
    const draft = await get(t, id);
    expect(draft.acks).toEqual({ '1.1': at, '2.2': at });
    expect(draft.values['c2.3-2']).toBe('5');
  });

  it('re-sending the same value does not withdraw the confirmation', async () => {
    const id = await create(t);
    await update(t, { id, values: { 'c3.2-1': '12', 'c3.2-2': '2' } });
    await update(t, { id, acks: { '3.2': true } });
    const at = t.clock().toISOString();
    t.clock.tick(1_000);
    await update(t, { id, values: { 'c3.2-1': '12', 'c3.2-2': '2' } });
    expect((await get(t, id)).acks).toEqual({ '3.2': at });
  });

  it('a first answer to a blank of a confirmed clause withdraws it (an empty answer counts as unchanged)', async () => {
    const id = await create(t);
    await update(t, { id, acks: { '3.3': true } });
    await update(t, { id, values: { 'c3.3-1': '' } });
    expect(Object.keys((await get(t, id)).acks)).toEqual(['3.3']);
    await update(t, { id, values: { 'c3.3-1': '50000' } });
    expect((await get(t, id)).acks).toEqual({});
  });

  it('an answer outside any clause (preamble) withdraws nothing', async () => {
    const id = await create(t);
    await update(t, { id, acks: { '1.1': true, '5.2': true } });
    await update(t, { id, values: { 'pre-2': '京东', 'pre-1': { option: '企业' } } });
    expect(Object.keys((await get(t, id)).acks).sort()).toEqual(['1.1', '5.2']);
  });

  it('an answer and the confirmation of its clause in one update: the clause ends up confirmed', async () => {
    const id = await create(t);
    await update(t, { id, values: { 'c4.1-1': '4' } });
    await update(t, { id, acks: { '4.1': true } });
    t.clock.tick(1_000);
    await update(t, { id, values: { 'c4.1-1': '6' }, acks: { '4.1': true } });
    expect((await get(t, id)).acks).toEqual({ '4.1': t.clock().toISOString() });
  });

  it('an unknown clause key → VALIDATION on acks, and nothing of that update is stored', async () => {
    const id = await create(t);
    for (const key of ['9.9', '2', '1.1.1', '', '0.1']) {
      const e = err(await t.host.dispatch('drafts.update', { id, values: { 'c1.1-1': '9' }, acks: { '1.1': true, [key]: true } }));
      expect(e, key).toMatchObject({ code: 'VALIDATION', field: 'acks' });
    }
    const draft = await get(t, id);
    expect(draft.acks).toEqual({});
    expect(draft.values).toEqual({});
  });

  it('a section without sub-clauses is confirmed by its section key', async () => {
    const text = '安全生产承诺书\n为落实安全生产责任，本单位郑重承诺如下：\n一、每月开展不少于__________次安全检查。\n二、发现隐患在__________小时内整改完毕。\n承诺人签名：__________\n签订日期：__________\n';
    const [imported] = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text })).templates;
    const template = ok<Template>(await t.host.dispatch('templates.get', { id: imported?.id }));
    const id = await create(t, template.id);
    await update(t, { id, acks: { '1': true, '2': true } });
    expect(Object.keys((await get(t, id)).acks).sort()).toEqual(['1', '2']);
    await update(t, { id, values: { [template.sections[1]?.fields[0] as string]: '24' } });
    expect(Object.keys((await get(t, id)).acks)).toEqual(['1']);
    expect(err(await t.host.dispatch('drafts.update', { id, acks: { '1.1': true } }))).toMatchObject({ code: 'VALIDATION', field: 'acks' });
  });

  it('acks must be booleans (validator)', async () => {
    const id = await create(t);
    expect(err(await t.host.dispatch('drafts.update', { id, acks: { '1.1': 'yes' } })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('drafts.update', { id, acks: ['1.1'] })).code).toBe('VALIDATION');
  });

  it('acks on a signed draft are refused with DRAFT_FINALIZED, and its acks stay as signed', async () => {
    const id = await create(t);
    await update(t, { id, values: VALID_VALUES, signer: SIGNER, acks: { '1.1': true } });
    ok(await t.host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date: DATE }));
    const before = await get(t, id);
    expect(err(await t.host.dispatch('drafts.update', { id, acks: { '1.2': true } })).code).toBe('DRAFT_FINALIZED');
    expect(err(await t.host.dispatch('drafts.update', { id, acks: { '1.1': false } })).code).toBe('DRAFT_FINALIZED');
    expect((await get(t, id)).acks).toEqual(before.acks);
  });
});

describe('drafts.list: search and sort', () => {
  const t = fresh(22);
  const ids: Record<string, string> = {};
  let importedTitle = '';

  it('lists drafts with their signer, organisation and progress (typed fields only)', async () => {
    const text = '安全生产承诺书\n一、每月开展不少于__________次安全检查。\n二、发现隐患在__________小时内整改完毕。\n承诺人签名：__________\n签订日期：__________\n';
    const [imported] = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text })).templates;
    importedTitle = imported?.title ?? '';
    expect(importedTitle).toBe('安全生产承诺书');

    const createdA = t.clock().toISOString();
    ids.a = await create(t);
    await update(t, { id: ids.a, signer: { type: '企业', name: '张三', organisation: '杭州某某贸易有限公司' }, values: { 'pre-2': '淘宝', 'c1.1-1': '5', 'c2.1-1': ' ' } });
    t.clock.tick(1_000);
    ids.b = await create(t, imported?.id);
    await update(t, { id: ids.b, signer: { type: '个人', name: 'Li Lei' } });
    t.clock.tick(1_000);
    ids.c = await create(t);
    await update(t, { id: ids.c, signer: { type: '企业', name: '王五', organisation: 'ACME Trading 上海分公司' } });
    t.clock.tick(1_000);
    // Touch the first one last: it becomes the most recently changed.
    await update(t, { id: ids.a, step: 'section-2' });

    const all = await list(t);
    expect(all.map((d) => d.id)).toEqual([ids.a, ids.c, ids.b]);
    expect(all[0]).toEqual({
      id: ids.a,
      templateId: TEMPLATE_ID,
      templateVersion: expect.stringMatching(/^[0-9a-f]{64}$/),
      title: '网店经营服务保障承诺书',
      step: 'section-2',
      status: 'open',
      archiveId: null,
      createdAt: createdA,
      updatedAt: t.clock().toISOString(),
      signerName: '张三',
      organisation: '杭州某某贸易有限公司',
      // A value of only spaces is not filled; the signature field is not counted.
      filled: 2,
      fieldCount: 15,
    });
    expect(all[2]).toMatchObject({ title: '安全生产承诺书', signerName: 'Li Lei', organisation: null, filled: 0, fieldCount: 3 });
  });

  it.each([
    ['a title substring', '服务保障', ['a', 'c']],
    ['another title', '安全生产', ['b']],
    ['a signer name', '张三', ['a']],
    ['a signer name, other case', 'li lei', ['b']],
    ['an organisation substring', '某某贸易', ['a']],
    ['an organisation, other case', 'acme', ['c']],
    ['text with spaces around it', '  王五  ', ['c']],
    ['text that is nowhere', '不存在的商户', []],
    ['an empty query (everything)', '', ['a', 'c', 'b']],
  ])('query by %s', async (_name, query, expected) => {
    expect((await list(t, { query })).map((d) => d.id)).toEqual(expected.map((k) => ids[k]));
  });

  it('a query does not match text only found in answers or ids', async () => {
    expect(await list(t, { query: '淘宝' })).toEqual([]);
    expect(await list(t, { query: (ids.a as string).slice(2) })).toEqual([]);
  });

  it('sort: updated (the default) newest change first; created newest first; title A→Z', async () => {
    expect((await list(t, { sort: 'updated' })).map((d) => d.id)).toEqual([ids.a, ids.c, ids.b]);
    expect((await list(t, { sort: 'created' })).map((d) => d.id)).toEqual([ids.c, ids.b, ids.a]);
    const byTitle = await list(t, { sort: 'title' });
    expect(byTitle.map((d) => d.title)).toEqual([importedTitle, '网店经营服务保障承诺书', '网店经营服务保障承诺书']);
    // Equal titles: most recently changed first.
    expect(byTitle.map((d) => d.id)).toEqual([ids.b, ids.a, ids.c]);
  });

  it('query and sort combine', async () => {
    expect((await list(t, { query: '承诺书', sort: 'created' })).map((d) => d.id)).toEqual([ids.c, ids.b, ids.a]);
  });

  it('an unknown sort or a non-string query → VALIDATION', async () => {
    expect(err(await t.host.dispatch('drafts.list', { sort: 'signer' })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('drafts.list', { query: 3 })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('drafts.list', { query: 'x'.repeat(201) })).code).toBe('VALIDATION');
  });
});

describe('drafts.duplicate', () => {
  const t = fresh(23);

  it('copies values and signer into a new open draft at step intro, on the same template version', async () => {
    const id = await create(t);
    await update(t, { id, values: { ...VALID_VALUES, 'c2.2-1': '150' }, signer: SIGNER, step: 'section-3', acks: { '1.1': true } });
    const source = await get(t, id);
    t.clock.tick(10_000);
    const copy = ok<{ id: string }>(await t.host.dispatch('drafts.duplicate', { id }));
    expect(copy.id).toMatch(/^d_[0-9a-f]{16}$/);
    expect(copy.id).not.toBe(id);
    expect(await get(t, copy.id)).toEqual({
      ...source,
      id: copy.id,
      step: 'intro',
      // Confirmations belong to whoever read the clauses: the copy starts unconfirmed.
      acks: {},
      createdAt: t.clock().toISOString(),
      updatedAt: t.clock().toISOString(),
    });
    // The copy is independent of its source.
    await update(t, { id: copy.id, values: { 'pre-2': '拼多多' } });
    expect((await get(t, id)).values['pre-2']).toBe('淘宝');
    expect(await get(t, id)).toEqual(source);
  });

  it('a signed draft can be duplicated to sign the same pledge again: the copy is open', async () => {
    const id = await signedDraft(t);
    const copy = ok<{ id: string }>(await t.host.dispatch('drafts.duplicate', { id }));
    const draft = await get(t, copy.id);
    expect(draft).toMatchObject({ status: 'open', archiveId: null, step: 'intro', signer: SIGNER });
    expect(draft.values).toEqual(VALID_VALUES);
  });

  it('an unknown id → DRAFT_NOT_FOUND', async () => {
    expect(err(await t.host.dispatch('drafts.duplicate', { id: 'd_0000000000000000' })).code).toBe('DRAFT_NOT_FOUND');
  });
});

describe('drafts.delete and drafts.restore (the trash)', () => {
  const t = fresh(24);

  it('a deleted draft leaves the list, keeps its content, refuses updates, and comes back when restored', async () => {
    const keep = await create(t);
    const id = await create(t);
    await update(t, { id, values: { 'c1.1-1': '5' }, signer: SIGNER });
    const before = await get(t, id);
    t.clock.tick(1_000);
    const { deletedAt } = ok<{ deletedAt: string }>(await t.host.dispatch('drafts.delete', { id }));
    expect(deletedAt).toBe(t.clock().toISOString());

    expect((await list(t)).map((d) => d.id)).toEqual([keep]);
    expect(await list(t, { query: SIGNER.name })).toEqual([]);
    expect(await get(t, id)).toEqual({ ...before, deletedAt });

    for (const change of [{ values: { 'c1.1-1': '6' } }, { step: 'section-1' }, { acks: { '1.1': true } }, { signer: SIGNER }]) {
      expect(err(await t.host.dispatch('drafts.update', { id, ...change })).code).toBe('DRAFT_NOT_FOUND');
    }
    expect(await get(t, id)).toEqual({ ...before, deletedAt });

    t.clock.tick(1_000);
    expect(ok(await t.host.dispatch('drafts.restore', { id }))).toEqual({ restored: true });
    expect(await get(t, id)).toEqual(before);
    expect((await list(t)).map((d) => d.id).sort()).toEqual([keep, id].sort());
    await update(t, { id, values: { 'c1.1-1': '6' } });
    expect((await get(t, id)).values['c1.1-1']).toBe('6');
  });

  it('deleting twice keeps the first deletion time, and says so', async () => {
    const id = await create(t);
    const first = ok<{ deletedAt: string }>(await t.host.dispatch('drafts.delete', { id })).deletedAt;
    t.clock.tick(60_000);
    const second = ok<{ deletedAt: string }>(await t.host.dispatch('drafts.delete', { id })).deletedAt;
    expect((await get(t, id)).deletedAt).toBe(first);
    // BUG (draft-repository.ts `delete`): the second call answers with the current time although the stored
    // deletion time is still the first one; the caller is told something that is not on disk.
    expect(second).toBe(first);
  });

  it('restoring a draft that is not in the trash changes nothing', async () => {
    const id = await create(t);
    const before = await get(t, id);
    t.clock.tick(1_000);
    expect(ok(await t.host.dispatch('drafts.restore', { id }))).toEqual({ restored: true });
    expect(await get(t, id)).toEqual(before);
  });

  it('unknown ids → DRAFT_NOT_FOUND for delete and restore', async () => {
    expect(err(await t.host.dispatch('drafts.delete', { id: 'd_0000000000000000' })).code).toBe('DRAFT_NOT_FOUND');
    expect(err(await t.host.dispatch('drafts.restore', { id: 'd_0000000000000000' })).code).toBe('DRAFT_NOT_FOUND');
  });

  it('the trash survives a restart: a second host sees the deletion', async () => {
    const id = await create(t);
    const { deletedAt } = ok<{ deletedAt: string }>(await t.host.dispatch('drafts.delete', { id }));
    const second = createTestHost(t.host.dataDir, { seed: 99 });
    try {
      expect(ok<Draft>(await second.host.dispatch('drafts.get', { id })).deletedAt).toBe(deletedAt);
      expect(ok<DraftSummary[]>(await second.host.dispatch('drafts.list', {})).map((d) => d.id)).not.toContain(id);
    } finally {
      second.host.close();
    }
  });
});

describe('drafts.upgrade: moving a draft to a newer template version', () => {
  const saveVersion = async (t: TestHost, template: Template): Promise<string> => {
    const saved = ok<{ id: string; version: string; isNewVersion: boolean }>(await t.host.dispatch('templates.save', { template }));
    expect(saved).toMatchObject({ id: TEMPLATE_ID, isNewVersion: true });
    return saved.version;
  };

  it('keeps unaffected answers and unchanged clauses’ confirmations, drops the removed field, lists the changes', async () => {
    const t = fresh(25);
    const original = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const id = await create(t);
    await update(t, { id, values: { ...VALID_VALUES, 'c2.2-1': '150' }, signer: SIGNER, step: 'section-3' });
    t.clock.tick(1_000);
    await update(t, { id, acks: { '1.1': true, '1.2': true, '1.3': true, '3.2': true, '3.3': true } });
    const ackedAt = t.clock().toISOString();
    expect((await get(t, id)).newerVersion).toBeNull();

    // v2: clause 1.3 reworded, the 承诺方类型 choice gains an option, clause 3.3 (and its field c3.3-1) removed.
    const changedText = `${clauseText(original, '1.3')}活动结束后公示结果。`;
    let next = withClauseText(original, '1.3', changedText);
    next = withField(next, 'pre-1', { options: ['企业', '个体工商户', '个人', '其他'] });
    next = withoutClause(next, '3.3');
    t.clock.tick(60_000);
    const v2 = await saveVersion(t, next);
    expect(v2).not.toBe(original.version);

    const pending = await get(t, id);
    expect(pending.templateVersion).toBe(original.version);
    expect(pending.newerVersion).toBe(v2);
    // A new draft starts on the newest version; the summary of the old one still shows its own version.
    expect((await get(t, await create(t))).templateVersion).toBe(v2);

    t.clock.tick(1_000);
    const result = ok<{ templateVersion: string; changes: ClauseChange[]; droppedFields: string[] }>(
      await t.host.dispatch('drafts.upgrade', { id }),
    );
    expect(result.templateVersion).toBe(v2);
    expect(result.droppedFields).toEqual(['c3.3-1']);
    expect(result.changes).toEqual([
      { section: '一、', number: '1.3', change: 'changed', before: clauseText(original, '1.3'), after: changedText },
      { section: '三、', number: '3.3', change: 'removed', before: clauseText(original, '3.3') },
    ]);

    const upgraded = await get(t, id);
    const kept = Object.fromEntries(Object.entries({ ...VALID_VALUES, 'c2.2-1': '150' }).filter(([field]) => field !== 'c3.3-1'));
    expect(upgraded).toMatchObject({
      templateVersion: v2,
      newerVersion: null,
      // Kept as typed, even the not-yet-valid 150 %.
      values: kept,
      signer: SIGNER,
      step: 'section-3',
      acks: { '1.1': ackedAt, '1.2': ackedAt, '3.2': ackedAt },
      updatedAt: t.clock().toISOString(),
    });
    // The upgraded draft is editable against v2: the removed field is now unknown.
    expect(err(await t.host.dispatch('drafts.update', { id, values: { 'c3.3-1': '1' } })).code).toBe('UNKNOWN_FIELD');
  });

  it('a choice whose chosen option disappeared loses its answer (listed in droppedFields)', async () => {
    const t = fresh(26);
    const original = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const id = await create(t);
    await update(t, { id, values: { 'pre-1': { option: '个人' }, 'pre-2': '淘宝' } });
    await saveVersion(t, withField(original, 'pre-1', { options: ['企业', '其他'] }));
    const result = ok<{ droppedFields: string[]; changes: ClauseChange[] }>(await t.host.dispatch('drafts.upgrade', { id }));
    expect(result).toMatchObject({ droppedFields: ['pre-1'], changes: [] });
    expect((await get(t, id)).values).toEqual({ 'pre-2': '淘宝' });
  });

  it('a confirmation follows its unchanged clause when an earlier clause is removed', async () => {
    const t = fresh(27);
    const original = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const id = await create(t);
    await update(t, { id, values: { 'c2.1-1': '3', 'c2.2-1': '10', 'c2.3-1': '24', 'c2.3-2': '3' } });
    await update(t, { id, acks: { '2.1': true, '2.2': true, '2.3': true, '3.1': true } });
    const at = t.clock().toISOString();
    await saveVersion(t, withoutClause(original, '2.2'));
    const result = ok<{ droppedFields: string[]; changes: ClauseChange[] }>(await t.host.dispatch('drafts.upgrade', { id }));
    expect(result.droppedFields).toEqual(['c2.2-1']);
    expect(result.changes.map((c) => `${c.number} ${c.change}`)).toEqual(['2.2 removed']);
    // Clause "2.3" (its text unchanged) is now the section's second clause, key 2.2.
    // BUG (handlers.ts drafts.upgrade): acks are carried over by position key, so the unchanged clause 2.3
    // loses its confirmation (it is compared with the removed 2.2's text). Expected: 2.1, 2.3 (now at 2.2), 3.1.
    expect((await get(t, id)).acks).toEqual({ '2.1': at, '2.2': at, '3.1': at });
  });

  it('on the newest version already: nothing changes and nothing is dropped', async () => {
    const t = fresh(28);
    const id = await create(t);
    await update(t, { id, values: VALID_VALUES, acks: { '1.1': true } });
    const before = await get(t, id);
    const result = ok<{ templateVersion: string; changes: ClauseChange[]; droppedFields: string[] }>(await t.host.dispatch('drafts.upgrade', { id }));
    expect(result).toEqual({ templateVersion: before.templateVersion, changes: [], droppedFields: [] });
    expect((await get(t, id)).values).toEqual(before.values);
    expect((await get(t, id)).acks).toEqual(before.acks);
  });

  it('a signed draft is not offered a newer version and cannot be upgraded (DRAFT_FINALIZED)', async () => {
    const t = fresh(29);
    const original = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const id = await signedDraft(t);
    await saveVersion(t, withClauseText(original, '4.2', `${clauseText(original, '4.2')}（修订）`));
    const draft = await get(t, id);
    expect(draft.newerVersion).toBeNull();
    expect(err(await t.host.dispatch('drafts.upgrade', { id })).code).toBe('DRAFT_FINALIZED');
    expect((await get(t, id)).templateVersion).toBe(original.version);
  });

  it('an unknown draft → DRAFT_NOT_FOUND', async () => {
    const t = fresh(30);
    expect(err(await t.host.dispatch('drafts.upgrade', { id: 'd_0000000000000000' })).code).toBe('DRAFT_NOT_FOUND');
  });
});

describe('signing checks the signer’s numbers', () => {
  const t = fresh(31);
  const VALID_ID = '11010519491231002X';
  const VALID_CREDIT = '91350100M000100Y43';

  it.each([
    ['idNumber', { idNumber: '110105194912310021' }, 'signer.idNumber'],
    ['idNumber (bad format)', { idNumber: '12345' }, 'signer.idNumber'],
    ['creditCode', { creditCode: '91350100M000100Y44' }, 'signer.creditCode'],
    ['phone', { phone: '12345' }, 'signer.phone'],
  ] as Array<[string, Partial<Signer>, string]>)('a bad %s → INVALID_VALUE on %s, nothing archived', async (_name, extra, field) => {
    const id = await create(t);
    await update(t, { id, values: VALID_VALUES, signer: { ...SIGNER, ...extra } });
    const e = err(await t.host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date: DATE }));
    expect(e).toMatchObject({ code: 'INVALID_VALUE', field });
    expect((await get(t, id)).status).toBe('open');
    expect(ok<unknown[]>(await t.host.dispatch('archive.list', {}))).toEqual([]);
  });

  it('valid numbers (lower-case x, landline) sign', async () => {
    const id = await create(t);
    const signer: Signer = { ...SIGNER, idNumber: VALID_ID.toLowerCase(), creditCode: VALID_CREDIT, phone: '0571-88888888' };
    await update(t, { id, values: VALID_VALUES, signer });
    ok<FinalizeResult>(await t.host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date: DATE }));
    expect((await get(t, id)).status).toBe('signed');
  });
});
