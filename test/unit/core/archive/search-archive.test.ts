import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactRecord } from '../../../../electron/core/archive/redact-record';
import { searchArchive } from '../../../../electron/core/archive/search-archive';
import { supersedeRecord } from '../../../../electron/core/archive/supersede-record';
import { voidRecord } from '../../../../electron/core/archive/void-record';
import { pledgeParagraphs } from '../../../../electron/core/pdf/pledge-paragraphs';
import type { ArchiveRecord, Signer } from '../../../../electron/shared/dto';
import type { FieldValues } from '../../../../electron/shared/template';
import { lcg, pick, randomInt } from '../../../support/lcg';
import { removeTempDirs } from '../../../support/temp-dir';
import { type ArchiveFixture, TEMPLATES, archiveFixture, template, valuesFor } from './archive-fixture';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙欧'];
const GIVEN = [...'伟芳娜敏静强磊军洋勇艳杰涛明超'];
const ORGS = ['杭州星辰贸易有限公司', '深圳锦程科技有限公司', '义乌优品日用品商行', '广州嘉禾食品有限公司'];
const PLATFORMS = ['淘宝', '拼多多', '京东', '抖音'];

interface Made {
  id: string;
  signer: Signer;
  templateId: string;
  date: string;
  text: string;
}

let fx: ArchiveFixture;
const made: Made[] = [];
const erased = new Set<string>();

/** What a reader of the record could find: its whole rendered text, signer, organisation and id. */
function findable(templateId: string, values: FieldValues, signer: Signer, id: string): string {
  const body = pledgeParagraphs(template(templateId), values)
    .map((p) => p.segments.map((s) => (s.kind === 'box' ? '□' : s.text)).join(''))
    .join('\n');
  return `${body}\n${signer.name}\n${signer.organisation ?? ''}\n${id}`.toLowerCase();
}

/** The oracle: ids of every record whose text holds every word, newest first. */
const expected = (query: string): string[] =>
  made
    .filter((m) => !erased.has(m.id) && query.toLowerCase().split(/\s+/).every((w) => m.text.includes(w)))
    .map((m) => m.id)
    .reverse();

beforeAll(() => {
  fx = archiveFixture();
  const next = lcg(42);
  for (let i = 0; i < 120; i++) {
    const t = pick(next, TEMPLATES.filter((x) => !x.fields.some((f) => f.valueType === 'phone')));
    const type = pick(next, ['企业', '个人', '其他'] as const);
    const signer: Signer = {
      type,
      name: `${pick(next, SURNAMES)}${pick(next, GIVEN)}${next() < 0.5 ? pick(next, GIVEN) : ''}`,
      ...(type === '个人' ? { phone: `138${String(randomInt(next, 10_000_000, 99_999_999))}` } : { organisation: pick(next, ORGS) }),
    };
    const signedAt = new Date(Date.parse('2025-01-01T02:00:00Z') + i * 5 * 86_400_000).toISOString();
    const platform = pick(next, PLATFORMS);
    const values = valuesFor(t, signedAt.slice(0, 10));
    for (const f of t.fields) if (f.valueType === 'text') values[f.id] = platform;
    for (const f of t.fields) if (f.kind === 'blank' && f.valueType !== 'text' && f.valueType !== 'phone') values[f.id] = String(randomInt(next, 1, 9));
    const id = fx.add({ templateId: t.id, signer, values, signedAt });
    made.push({ id, signer, templateId: t.id, date: signedAt.slice(0, 10), text: findable(t.id, values, signer, id) });
  }
});

afterAll(() => {
  fx.db.close();
  removeTempDirs();
});

const ids = (query: Parameters<typeof searchArchive>[1]): string[] => {
  const result = searchArchive(fx.db, { pageSize: 200, ...query });
  expect(result.total).toBe(result.items.length);
  return result.items.map((i) => i.id);
};

describe('searchArchive finds what a reader of the pledge would find', () => {
  const someName = (): string => (made[7] as Made).signer.name;

  it.each([
    ['a full name', () => someName()],
    ['a two-character given name', () => [...someName()].slice(-2).join('')],
    ['a one-character surname', () => '欧'],
    ['a one-character surname that also occurs in clause text', () => '张'],
    ['an organisation substring (trigram)', () => '星辰贸易'],
    ['a two-character organisation word', () => '锦程'],
    ['a filled value (3 characters)', () => '拼多多'],
    ['a filled value (2 characters)', () => '京东'],
    ['a clause phrase', () => '数据安全检查'],
    ['a clause phrase of another template', () => '食品安全管理人员'],
    ['a value with the clause text around it', () => `不少于${(made.find((m) => m.templateId === 'ecommerce-service')?.text.match(/不少于(\d)次数据/) ?? [])[1]}次`],
    ['a title word', () => '承诺书'],
    ['a record id', () => (made[42] as Made).id],
    ['a record id in lower case', () => (made[43] as Made).id.toLowerCase()],
    ['two words', () => `星辰 ${PLATFORMS[1]}`],
    ['full-width letters', () => 'ＰＤ-2025'],
  ])('%s', (_label, query) => {
    const q = query();
    const want = expected(q.normalize('NFKC'));
    expect(want.length, `oracle for ${q}`).toBeGreaterThan(0);
    expect(ids({ query: q }), q).toEqual(want);
  });

  it('finds nothing for text in no record, and everything for an empty query', () => {
    expect(searchArchive(fx.db, { query: '不存在的文字' }).total).toBe(0);
    expect(searchArchive(fx.db, { query: '   ' }).total).toBe(made.length);
    expect(searchArchive(fx.db, {}).items.map((i) => i.id)).toEqual(made.slice(-20).map((m) => m.id).reverse());
  });

  it('never finds or returns personal data: phone numbers are neither indexed nor in the items', () => {
    const phone = made.find((m) => m.signer.phone)?.signer.phone as string;
    expect(searchArchive(fx.db, { query: phone }).total).toBe(0);
    expect(searchArchive(fx.db, { query: phone.slice(3, 7) }).total).toBe(0);
    const everything = JSON.stringify(searchArchive(fx.db, { pageSize: 200 }));
    for (const m of made) if (m.signer.phone) expect(everything).not.toContain(m.signer.phone);
  });
});

describe('filters, sorting and pages', () => {
  it('filters by signer type, template and date range (inclusive), also with words', () => {
    expect(ids({ signerType: '个人' })).toEqual(made.filter((m) => m.signer.type === '个人').map((m) => m.id).reverse());
    expect(ids({ templateId: 'food-safety' })).toEqual(made.filter((m) => m.templateId === 'food-safety').map((m) => m.id).reverse());
    const [from, to] = [(made[10] as Made).date, (made[20] as Made).date];
    expect(ids({ from, to })).toEqual(made.slice(10, 21).map((m) => m.id).reverse());
    expect(ids({ query: '淘宝', signerType: '企业', from })).toEqual(
      expected('淘宝').filter((id) => made.find((m) => m.id === id && m.signer.type === '企业' && m.date >= from)),
    );
  });

  it('pages: fixed total, disjoint pages in order, an empty page past the end', () => {
    const all = ids({});
    const pages = [1, 2, 3].map((page) => searchArchive(fx.db, { page, pageSize: 7 }));
    expect(pages.map((p) => p.total)).toEqual([made.length, made.length, made.length]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.slice(0, 21));
    expect(searchArchive(fx.db, { page: 999, pageSize: 7 })).toMatchObject({ total: made.length, page: 999, items: [] });
    const words = [1, 2].map((page) => searchArchive(fx.db, { query: '淘宝', page, pageSize: 4 }).items.map((i) => i.id));
    expect(words.flat()).toEqual(expected('淘宝').slice(0, 8));
  });

  it('sorts by title, then newest first', () => {
    const titled = searchArchive(fx.db, { sort: 'title', pageSize: 200 }).items;
    const key = (i: { title: string; signedAt: string }): string => `${i.title}\u0000${String(9e15 - Date.parse(i.signedAt))}`;
    expect(titled.map(key)).toEqual([...titled.map(key)].sort());
  });

  it('sorts by rank: a 1–2 character name puts signers so named first; a longer word puts own-text matches first', () => {
    const name = [...(made[3] as Made).signer.name].slice(0, 2).join('');
    const ranked = searchArchive(fx.db, { query: name, sort: 'rank', pageSize: 200 }).items;
    const first = ranked.findIndex((i) => !i.signer.includes(name));
    expect(ranked.slice(first === -1 ? ranked.length : first).every((i) => !i.signer.includes(name))).toBe(true);
    expect(ranked.map((i) => i.id).sort()).toEqual(expected(name).sort());
    const org = searchArchive(fx.db, { query: '星辰贸易', sort: 'rank' }).items;
    expect(org.every((i) => i.organisation?.includes('星辰贸易'))).toBe(true);
  });
});

describe('status', () => {
  it('reflects void, superseded and redacted records; redacted ones are never found by text', () => {
    const [a, b, c, d] = [made[100], made[101], made[102], made[103]] as [Made, Made, Made, Made];
    voidRecord(fx.db, { id: a.id, reason: '填写错误', at: '2026-11-28T00:00:00.000Z' });
    fx.db.transaction(() => supersedeRecord(fx.db, { id: b.id, by: d.id, at: '2026-11-28T00:00:00.000Z' }))();
    redactRecord(fx.db, { id: c.id, reason: '本人申请删除', at: '2026-11-28T00:00:00.000Z' });
    erased.add(c.id);
    expect(ids({ status: 'void' })).toEqual([a.id]);
    expect(ids({ status: 'superseded' })).toEqual([b.id]);
    expect(ids({ status: 'redacted' })).toEqual([c.id]);
    expect(ids({ query: c.signer.name })).not.toContain(c.id);
    expect(ids({ query: c.id })).toEqual([]);
    expect(ids({ query: a.id })).toEqual([a.id]);
    const items = searchArchive(fx.db, { status: 'superseded' }).items;
    expect(items[0]).toMatchObject({ id: b.id, status: 'superseded', supersededBy: d.id });
    const record: Partial<ArchiveRecord> = fx.archive.get(c.id, { reveal: true });
    expect(record).toMatchObject({ status: 'redacted', personalData: c.signer.phone ? 'erased' : 'none' });
    expect(record.signerDetails?.phone).toBeUndefined();
  });
});
