import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClauseChange, ImportedTemplate, TemplateSummary } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { REPO_ROOT } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { clauseText, cloneTemplate, withClauseText, withField, withoutClause } from '../support/template-edits';
import type { TestHost } from '../support/test-host';
import { TEMPLATE_ID, createTestHost, err, ok } from '../support/test-host';

/** A real page scraped from a document site: two pledges, the second without signature or date lines. */
const SEED_PATH = join(REPO_ROOT, '..', 'shared', 'seeds', 'ecommerce-service-pledge.book118-page.txt');

const open: TestHost[] = [];
afterAll(() => {
  for (const t of open.splice(0)) t.host.close();
  removeTempDirs();
});

function fresh(seed = 1): TestHost {
  const t = createTestHost(makeTempDir('pledge-templates-'), { seed });
  open.push(t);
  return t;
}

type SaveResult = { id: string; version: string; isNewVersion: boolean };

describe('templates.save', () => {
  let t: TestHost;
  let builtin: Template;

  beforeAll(async () => {
    t = fresh(41);
    builtin = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
  });

  it('saving the template unchanged gives its own version back, not a new one', async () => {
    expect(ok<SaveResult>(await t.host.dispatch('templates.save', { template: builtin }))).toEqual({
      id: TEMPLATE_ID,
      version: builtin.version,
      isNewVersion: false,
    });
  });

  it('re-derives the version from the content: a version sent along is ignored', async () => {
    const saved = ok<SaveResult>(await t.host.dispatch('templates.save', { template: { ...builtin, version: 'f'.repeat(64) } }));
    expect(saved.version).toBe(builtin.version);
    expect(err(await t.host.dispatch('templates.get', { id: TEMPLATE_ID, version: 'f'.repeat(64) })).code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('an edited template becomes a new, newest version; the old one stays readable; saving it again is not new', async () => {
    const edited = withField(builtin, 'c2.2-1', { min: 5, max: 50 });
    const first = ok<SaveResult>(await t.host.dispatch('templates.save', { template: edited }));
    expect(first).toMatchObject({ id: TEMPLATE_ID, isNewVersion: true });
    expect(first.version).toMatch(/^[0-9a-f]{64}$/);
    expect(first.version).not.toBe(builtin.version);
    t.clock.tick(1_000);
    expect(ok<SaveResult>(await t.host.dispatch('templates.save', { template: edited }))).toEqual({ ...first, isNewVersion: false });

    const newest = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    expect(newest.version).toBe(first.version);
    expect(newest.fields.find((f) => f.id === 'c2.2-1')).toMatchObject({ min: 5, max: 50 });
    expect(ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID, version: builtin.version }))).toEqual(builtin);
    const summaries = ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {})).filter((s) => s.id === TEMPLATE_ID);
    expect(summaries).toEqual([expect.objectContaining({ version: first.version })]);
  });

  it('a saved new version survives a restart and is still the newest (built-ins are not re-seeded over it)', async () => {
    const edited = withClauseText(builtin, '4.2', `${clauseText(builtin, '4.2')}（重启测试）`);
    const saved = ok<SaveResult>(await t.host.dispatch('templates.save', { template: edited }));
    const second = createTestHost(t.host.dataDir, { seed: 99 });
    try {
      expect(ok<Template>(await second.host.dispatch('templates.get', { id: TEMPLATE_ID })).version).toBe(saved.version);
    } finally {
      second.host.close();
    }
  });

  const inconsistent: Array<[string, (t: Template) => Template, RegExp, string?]> = [
    [
      'a placeholder that names no field',
      (tpl) => {
        const c = cloneTemplate(tpl);
        const clause = c.sections[0]?.clauses[1];
        if (!clause) throw new Error('no clause 1.2');
        clause.text += '并在{{no-such-field}}日内更正。';
        clause.fields = ['no-such-field'];
        return c;
      },
      /names no field/,
      'no-such-field',
    ],
    [
      'a field listed twice',
      (tpl) => {
        const c = cloneTemplate(tpl);
        c.fields.splice(3, 0, structuredClone(c.fields[3] as Template['fields'][number]));
        return c;
      },
      /used twice/,
      'c2.1-1',
    ],
    [
      'fields out of document order',
      (tpl) => {
        const c = cloneTemplate(tpl);
        const [a, b] = [c.fields[2], c.fields[3]] as Template['fields'];
        c.fields[2] = b as Template['fields'][number];
        c.fields[3] = a as Template['fields'][number];
        return c;
      },
      /document order/,
    ],
    [
      'a field that appears nowhere in the text',
      (tpl) => {
        const c = cloneTemplate(tpl);
        c.fields.push({ id: 'orphan', kind: 'blank', label: '无处可填', valueType: 'text', required: false });
        return c;
      },
      /document order/,
    ],
    [
      'a placeholder missing from its block’s fields list',
      (tpl) => {
        const c = cloneTemplate(tpl);
        const clause = c.sections[1]?.clauses[0];
        if (!clause) throw new Error('no clause 2.1');
        clause.fields = [];
        return c;
      },
      /fields list does not match/,
    ],
    ['a choice with one option', (tpl) => withField(tpl, 'pre-1', { options: ['企业'], otherOption: undefined }), /at least two options/, 'pre-1'],
    ['a choice whose other-option is not an option', (tpl) => withField(tpl, 'pre-1', { otherOption: '其它' }), /not one of its options/, 'pre-1'],
    ['min above max', (tpl) => withField(tpl, 'c2.2-1', { min: 60, max: 40 }), /smallest value is above the largest/, 'c2.2-1'],
    [
      'no signature field',
      (tpl) => {
        const c = cloneTemplate(tpl);
        c.closing = { text: c.closing.text.replace('{{signature-1}}', '__________'), fields: c.closing.fields.filter((f) => f !== 'signature-1') };
        c.fields = c.fields.filter((f) => f.id !== 'signature-1');
        return c;
      },
      /at least one signature/,
    ],
  ];

  it.each(inconsistent)('refuses %s with VALIDATION and stores nothing', async (_name, edit, message, field) => {
    const before = ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}));
    const e = err(await t.host.dispatch('templates.save', { template: edit(builtin) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(message);
    if (field !== undefined) expect(e.field).toBe(field);
    expect(ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}))).toEqual(before);
  });

  it.each([
    ['an id with a slash', { id: '../etc' }],
    ['an empty title', { title: '' }],
    ['an unknown field kind', { fields: [{ id: 'x', kind: 'checkbox', label: '', required: false }] }],
    ['a range that is not a number', { fields: [{ id: 'x', kind: 'blank', label: '', required: false, min: '1' }] }],
  ])('refuses %s at the validator (VALIDATION)', async (_name, patch) => {
    expect(err(await t.host.dispatch('templates.save', { template: { ...builtin, ...patch } })).code).toBe('VALIDATION');
  });
});

describe('templates.diff', () => {
  it('lists added, changed and removed clauses between two stored versions; none between a version and itself', async () => {
    const t = fresh(42);
    const v1 = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID }));
    const edited = withoutClause(withClauseText(v1, '5.1', `${clauseText(v1, '5.1')}情节严重的，自愿退出平台。`), '1.3');
    const v2 = ok<SaveResult>(await t.host.dispatch('templates.save', { template: edited })).version;

    const forward = ok<{ changes: ClauseChange[] }>(await t.host.dispatch('templates.diff', { id: TEMPLATE_ID, from: v1.version, to: v2 })).changes;
    expect(forward).toEqual([
      { section: '五、', number: '5.1', change: 'changed', before: clauseText(v1, '5.1'), after: clauseText(edited, '5.1') },
      { section: '一、', number: '1.3', change: 'removed', before: clauseText(v1, '1.3') },
    ]);
    const backward = ok<{ changes: ClauseChange[] }>(await t.host.dispatch('templates.diff', { id: TEMPLATE_ID, from: v2, to: v1.version })).changes;
    expect(backward.map((c) => `${c.number} ${c.change}`).sort()).toEqual(['1.3 added', '5.1 changed']);
    expect(ok(await t.host.dispatch('templates.diff', { id: TEMPLATE_ID, from: v2, to: v2 }))).toEqual({ changes: [] });
  });

  it('an unknown version or template → TEMPLATE_NOT_FOUND; missing from/to → VALIDATION', async () => {
    const t = fresh(43);
    const v1 = ok<Template>(await t.host.dispatch('templates.get', { id: TEMPLATE_ID })).version;
    expect(err(await t.host.dispatch('templates.diff', { id: TEMPLATE_ID, from: v1, to: 'f'.repeat(64) })).code).toBe('TEMPLATE_NOT_FOUND');
    expect(err(await t.host.dispatch('templates.diff', { id: 'nope', from: v1, to: v1 })).code).toBe('TEMPLATE_NOT_FOUND');
    expect(err(await t.host.dispatch('templates.diff', { id: TEMPLATE_ID, from: v1 })).code).toBe('VALIDATION');
  });
});

describe('templates.parse and templates.import', () => {
  const seedText = readFileSync(SEED_PATH, 'utf8');

  const expectTheTwoSeedPledges = (templates: Template[]): void => {
    expect(templates).toHaveLength(2);
    for (const template of templates) {
      expect(template.id).toMatch(/^imp-[0-9a-f]{10}(-\d+)?$/);
      expect(template.version).toMatch(/^[0-9a-f]{64}$/);
      expect(template.title).toContain('承诺书');
      expect(template.fields.some((f) => f.kind === 'signature')).toBe(true);
    }
    expect(new Set(templates.map((x) => x.id)).size).toBe(2);
  };

  it('parses the seed page from pasted text into 2 templates and stores nothing', async () => {
    const t = fresh(44);
    const before = ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}));
    const { templates } = ok<{ templates: Template[] }>(await t.host.dispatch('templates.parse', { text: seedText }));
    expectTheTwoSeedPledges(templates);
    expect(ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}))).toEqual(before);
    expect(err(await t.host.dispatch('templates.get', { id: templates[0]?.id })).code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('parses the same file uploaded as a blob into the same 2 templates', async () => {
    const t = fresh(45);
    const fromText = ok<{ templates: Template[] }>(await t.host.dispatch('templates.parse', { text: seedText })).templates;
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(new Uint8Array(readFileSync(SEED_PATH))));
    const fromBlob = ok<{ templates: Template[] }>(
      await t.host.dispatch('templates.parse', { blobId, fileName: 'ecommerce-service-pledge.book118-page.txt' }),
    ).templates;
    expectTheTwoSeedPledges(fromBlob);
    expect(fromBlob).toEqual(fromText);
    // Without a file name the format is sniffed from the bytes.
    expect(ok<{ templates: Template[] }>(await t.host.dispatch('templates.parse', { blobId })).templates).toEqual(fromText);
  });

  it('a source must be exactly one of text or blobId; an unknown blob → BLOB_NOT_FOUND', async () => {
    const t = fresh(46);
    expect(err(await t.host.dispatch('templates.parse', {})).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('templates.parse', { text: seedText, blobId: 'a'.repeat(64) })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('templates.parse', { blobId: 'not-a-hash' })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('templates.parse', { blobId: 'a'.repeat(64) })).code).toBe('BLOB_NOT_FOUND');
    expect(err(await t.host.dispatch('templates.import', { blobId: 'a'.repeat(64) })).code).toBe('BLOB_NOT_FOUND');
    expect(err(await t.host.dispatch('templates.parse', { text: '   \n\n ' })).code).toBe('IMPORT_EMPTY');
  });

  it('imports store each pledge as a template; importing again is idempotent (isNewVersion false)', async () => {
    const t = fresh(47);
    const parsed = ok<{ templates: Template[] }>(await t.host.dispatch('templates.parse', { text: seedText })).templates;
    const first = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text: seedText })).templates;
    expect(first).toEqual(
      parsed.map((p) => ({
        id: p.id,
        version: p.version,
        title: p.title,
        sectionCount: p.sections.length,
        fieldCount: p.fields.length,
        warnings: p.warnings,
        isNewVersion: true,
      })),
    );
    for (const p of parsed) expect(ok<Template>(await t.host.dispatch('templates.get', { id: p.id }))).toEqual(p);
    const listed = ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}));
    for (const p of parsed) expect(listed.filter((s) => s.id === p.id)).toEqual([expect.objectContaining({ version: p.version })]);

    t.clock.tick(60_000);
    const again = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text: seedText })).templates;
    expect(again).toEqual(first.map((x) => ({ ...x, isNewVersion: false })));
    expect(ok<TemplateSummary[]>(await t.host.dispatch('templates.list', {}))).toEqual(listed);

    // Through the blob route too: same pledges, nothing new.
    const { blobId } = ok<{ blobId: string }>(await t.host.putBlob(new Uint8Array(readFileSync(SEED_PATH))));
    const viaBlob = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { blobId, fileName: 'seed.txt' })).templates;
    expect(viaBlob.map((x) => x.isNewVersion)).toEqual([false, false]);
  });

  it('import with `only` stores just the pledges at those positions of the parse result', async () => {
    const t = fresh(49);
    const parsed = ok<{ templates: Template[] }>(await t.host.dispatch('templates.parse', { text: seedText })).templates;
    const imported = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text: seedText, only: [1] })).templates;
    expect(imported.map((x) => [x.id, x.version, x.isNewVersion])).toEqual([[parsed[1]?.id, parsed[1]?.version, true]]);
    expect(ok<Template>(await t.host.dispatch('templates.get', { id: parsed[1]?.id }))).toEqual(parsed[1]);
    expect(err(await t.host.dispatch('templates.get', { id: parsed[0]?.id })).code).toBe('TEMPLATE_NOT_FOUND');
    expect(err(await t.host.dispatch('templates.import', { text: seedText, only: [-1] })).code).toBe('VALIDATION');
    expect(err(await t.host.dispatch('templates.import', { text: seedText, only: [0.5] })).code).toBe('VALIDATION');
  });

  it('an imported template can be drafted right away', async () => {
    const t = fresh(48);
    const [first] = ok<{ templates: ImportedTemplate[] }>(await t.host.dispatch('templates.import', { text: seedText })).templates;
    const { id } = ok<{ id: string }>(await t.host.dispatch('drafts.create', { templateId: first?.id }));
    expect(ok<{ templateVersion: string; newerVersion: string | null }>(await t.host.dispatch('drafts.get', { id }))).toMatchObject({
      templateVersion: first?.version,
      newerVersion: null,
    });
  });
});
