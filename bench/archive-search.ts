/**
 * Archive search at scale: 100,000 archived pledges of ~1,500 Han characters each, written through the real
 * archive code (personal-data split, hash chain, search index) but without composing PDFs. Measures the
 * queries users type (names of 1–3 characters, shop names, clause phrases, filled values, record ids, with
 * and without filters and sort orders) and compares them, in the same run, with `LIKE '%…%'` over the same
 * pledges' full text. Prints one table. The database lives in /tmp and is removed afterwards
 * (`--keep` keeps it).
 *
 * Run: npx tsx bench/archive-search.ts [--records N] [--keep]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { ArchiveRepository } from '../electron/core/archive/archive-repository';
import { type ArchiveQuery, searchArchive } from '../electron/core/archive/search-archive';
import { openDatabase } from '../electron/core/db/open-database';
import { pledgeParagraphs } from '../electron/core/pdf/pledge-paragraphs';
import { templateVersion } from '../electron/core/template/parse-pledge';
import { TemplateRepository } from '../electron/core/templates/template-repository';
import { loadBuiltinTemplates } from '../electron/host/load-builtin-templates';
import type { Signer } from '../electron/shared/dto';
import type { FieldValues, Template, TemplateClause, TemplateSection } from '../electron/shared/template';

const args = process.argv.slice(2);
const RECORDS = Number(args[args.indexOf('--records') + 1]) || 100_000;
const KEEP = args.includes('--keep');
const root = resolve(import.meta.dirname, '..');

/** Deterministic pseudo-random numbers (LCG), so every run writes the same archive. */
let state = 20261128;
const rand = (): number => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 0x1_0000_0000;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
/** Zipf-like: low indexes far more often, as a few templates carry most pledges. */
const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * rand() ** 2.2)] as T;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欣佳雪琳晨阳婷颖雨嘉怡博文子涵梓萱思源浩然一诺欣怡宇轩铭泽'];
const CITIES = ['杭州', '深圳', '广州', '义乌', '上海', '北京', '成都', '武汉', '南京', '苏州', '厦门', '泉州', '东莞', '佛山', '宁波', '温州', '长沙', '郑州', '合肥', '青岛', '济南', '西安', '重庆', '天津', '福州', '昆明', '南宁', '金华', '汕头', '潮州'];
const WORDS = ['星辰', '华美', '优品', '鑫源', '恒达', '锦程', '嘉禾', '盛世', '瑞丰', '宏图', '金穗', '天润', '百惠', '佳和', '诚信', '永盛', '安康', '福临', '德润', '万家', '绿源', '顺通', '新禾', '明珠', '远航', '君悦', '汇丰', '欣荣', '同创', '鼎盛', '聚宝', '凯旋', '丰泽', '益友', '信达', '晨曦', '海纳', '悦来', '乐购', '拾光'];
const TRADES = ['贸易', '科技', '电子商务', '食品', '服饰', '家居用品', '日用品', '农产品', '母婴用品', '化妆品', '数码', '文化传媒', '供应链', '餐饮管理', '茶叶'];
const FORMS = ['有限公司', '有限公司', '有限公司', '商行', '经营部', '网店', '工作室', '食品店'];
const PLATFORMS = ['淘宝', '天猫', '京东', '拼多多', '抖音', '快手', '小红书', '美团', '饿了么', '微信小店', '唯品会', '得物'];

function personName(): string {
  return `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.62 ? pick(GIVEN) : ''}`;
}

function signer(): Signer {
  const type = rand() < 0.7 ? '企业' : rand() < 0.85 ? '个人' : '其他';
  const name = personName();
  const organisation = type === '个人' ? undefined : `${pick(CITIES)}${pick(WORDS)}${pick(TRADES)}${pick(FORMS)}`;
  const phone = rand() < 0.6 ? `1${pick(['38', '39', '58', '86', '87', '35'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : undefined;
  const idNumber = type === '个人' && rand() < 0.5 ? `3301${String(Math.floor(rand() * 1e13)).padStart(13, '0')}X` : undefined;
  const address = rand() < 0.3 ? `${pick(CITIES)}市${pick(WORDS)}路${Math.floor(rand() * 900) + 1}号` : undefined;
  return { type, name, ...(organisation ? { organisation } : {}), ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}), ...(address ? { address } : {}) };
}

/** A clause with its blanks written out (borrowed clauses keep their wording but have no fields). */
function literal(clause: TemplateClause): TemplateClause {
  return { number: clause.number, text: clause.text.replace(/\{\{[^{}]+\}\}/g, () => String(Math.floor(rand() * 30) + 1)), fields: [], children: clause.children.map(literal) };
}

/**
 * Template versions as an office accumulates them: each built-in template, and versions of it lengthened by
 * sections borrowed from another template (so that a pledge runs to ~1,500 Han characters) or with a clause
 * reworded, as imports and edits produce.
 */
function templateVersions(builtins: Template[]): Template[] {
  const out: Template[] = [];
  for (const base of builtins) {
    for (let v = 0; v < 8; v++) {
      const other = builtins[(builtins.indexOf(base) + 1 + v) % builtins.length] as Template;
      const third = builtins[(builtins.indexOf(base) + 2 + v) % builtins.length] as Template;
      const donors = [...other.sections.slice(0, 3 + (v % 2)), ...third.sections.slice(0, 1 + (v % 2))];
      const borrowed: TemplateSection[] = donors.map((s, i) => ({
        number: `${['五', '六', '七', '八', '九', '十', '十一'][i] ?? '十二'}、`,
        heading: s.heading,
        text: s.text.replace(/\{\{[^{}]+\}\}/g, '10'),
        fields: [],
        clauses: s.clauses.map(literal),
      }));
      const sections = base.sections.map((s, i) =>
        i === v % base.sections.length && v > 0 ? { ...s, heading: `${s.heading}（${['修订', '补充', '调整', '增补', '细化', '完善', '更新'][v - 1]}）` } : s,
      );
      const content = { title: base.title, preamble: base.preamble, sections: [...sections, ...borrowed], closing: base.closing, fields: base.fields };
      out.push({ id: v === 0 ? base.id : `${base.id}-v${v}`, version: templateVersion(content), ...content, warnings: [] });
    }
  }
  return out;
}

function valuesFor(template: Template, date: string): FieldValues {
  const values: FieldValues = {};
  for (const field of template.fields) {
    if (field.kind === 'signature') continue;
    if (field.kind === 'date') values[field.id] = date;
    else if (field.kind === 'choice') {
      const option = pick(field.options ?? ['是']);
      values[field.id] = option === field.otherOption ? { option, other: pick(['个体工商户', '农民专业合作社', '个人独资企业', '分公司']) } : { option };
    } else if (field.valueType === 'text' || field.valueType === undefined) values[field.id] = rand() < 0.8 ? pick(PLATFORMS) : `${pick(CITIES)}${pick(WORDS)}`;
    else if (field.valueType === 'money') values[field.id] = `${Math.floor(rand() * 50000) + 100}.00`;
    else if (field.valueType === 'percent') values[field.id] = String(Math.floor(rand() * 100));
    else values[field.id] = String(Math.floor(rand() * 48) + 1);
  }
  return values;
}

/** The pledge's whole text as printed (title, preamble, clauses with values, signer): the LIKE peer's data. */
function fullText(template: Template, values: FieldValues, who: Signer, id: string): string {
  const body = pledgeParagraphs(template, values)
    .map((p) => p.segments.map((s) => (s.kind === 'box' ? (s.checked ? '☑' : '□') : s.text)).join(''))
    .join('\n');
  return `${body}\n承诺人：${who.organisation ?? ''} ${who.name}\n文档编号 ${id}`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

interface Made {
  names: string[];
  organisations: string[];
  ids: string[];
  hanPerPledge: number;
}

function populate(db: Database.Database, likeDb: Database.Database, templates: Template[]): Made {
  const archive = new ArchiveRepository(db);
  const insertLike = likeDb.prepare('INSERT INTO pledge_text (docid, body) VALUES (?, ?)');
  const made: Made = { names: [], organisations: [], ids: [], hanPerPledge: 0 };
  let han = 0;
  const start = Date.parse('2024-01-02T01:00:00Z');
  const step = (Date.parse('2026-11-28T09:00:00Z') - start) / RECORDS;
  const batch = 2000;
  for (let i = 0; i < RECORDS; i += batch) {
    db.transaction(() => {
      likeDb.transaction(() => {
        for (let j = i; j < Math.min(RECORDS, i + batch); j++) {
          const template = skewed(templates);
          const signedAt = new Date(start + j * step);
          const date = signedAt.toISOString().slice(0, 10);
          const who = signer();
          const values = valuesFor(template, date);
          const id = `PD-${date.replaceAll('-', '')}-${j.toString(32).toUpperCase().padStart(8, '0')}`;
          archive.insert(
            {
              id,
              templateId: template.id,
              templateVersion: template.version,
              title: template.title,
              signer: who,
              values,
              date,
              signedAt: signedAt.toISOString(),
              fileSha256: (j.toString(16) + 'f'.repeat(64)).slice(0, 64),
              fileBytes: 180_000,
              contentHash: ('c' + j.toString(16) + 'e'.repeat(64)).slice(0, 64),
              draftId: null,
            },
            template,
            j.toString(16).padStart(32, '0'),
          );
          const text = fullText(template, values, who, id);
          if (j < 2000) han += (text.match(/\p{Script=Han}/gu) ?? []).length;
          insertLike.run(j + 1, text);
          if (j % Math.max(1, Math.floor(RECORDS / 211)) === 0) {
            made.names.push(who.name);
            if (who.organisation) made.organisations.push(who.organisation);
            made.ids.push(id);
          }
        }
      })();
    })();
  }
  made.hanPerPledge = Math.round(han / Math.min(RECORDS, 2000));
  return made;
}

interface Case {
  label: string;
  query: ArchiveQuery;
  /** The text a LIKE scan would look for, when the case is one the peer can answer. */
  like?: string;
}

function cases(made: Made, templates: Template[]): Case[] {
  const out: Case[] = [];
  const clauses = templates.slice(0, 56).flatMap((t) => t.sections.flatMap((s) => s.clauses.map((c) => c.text.replace(/\{\{[^{}]+\}\}/g, '').trim())));
  for (let i = 0; i < 30; i++) out.push({ label: 'full name (2–3 chars)', query: { query: made.names[i * 3] } });
  for (let i = 0; i < 15; i++) out.push({ label: 'given name (2 chars)', query: { query: [...(made.names[i * 5 + 1] as string)].slice(-2).join('') } });
  for (let i = 0; i < 5; i++) out.push({ label: 'surname (1 char)', query: { query: SURNAMES[i * 7] } });
  for (let i = 0; i < 20; i++) {
    const org = made.organisations[i * 2] as string;
    out.push({ label: 'shop name fragment (4 chars)', query: { query: [...org].slice(2, 6).join('') } });
  }
  for (let i = 0; i < 20; i++) {
    const text = [...(clauses[(i * 37) % clauses.length] as string)];
    const at = Math.floor(rand() * Math.max(1, text.length - 8));
    out.push({ label: 'clause phrase (4–8 chars)', query: { query: text.slice(at, at + 4 + (i % 5)).join('') } });
  }
  for (const p of PLATFORMS) out.push({ label: 'filled value', query: { query: p } });
  for (let i = 0; i < 5; i++) out.push({ label: 'record id', query: { query: made.ids[i * 9] } });
  for (let i = 0; i < 10; i++) out.push({ label: 'name + filters', query: { query: [...(made.names[i * 4 + 2] as string)].slice(0, 2).join(''), signerType: '企业', from: '2025-01-01', to: '2026-06-30' } });
  for (let i = 0; i < 10; i++) out.push({ label: 'no text, filters, page 3', query: { templateId: templates[i * 5]?.id, from: '2025-03-01', page: 3 } });
  for (let i = 0; i < 10; i++) out.push({ label: 'two words', query: { query: `${pick(CITIES)} ${made.names[i * 6]}` } });
  for (let i = 0; i < 15; i++) out.push({ label: 'sort by rank', query: { query: made.organisations[i * 3 + 1]?.slice(0, 4), sort: 'rank' } });
  for (let i = 0; i < 5; i++) out.push({ label: 'sort by title', query: { query: pick(PLATFORMS), sort: 'title' } });
  // The LIKE peer's cases: one of each kind, answered over the full text.
  const peer: Array<[string, string]> = [
    ['full name (2–3 chars)', made.names[3] as string],
    ['given name (2 chars)', [...(made.names[7] as string)].slice(-2).join('')],
    ['shop name fragment (4 chars)', [...(made.organisations[5] as string)].slice(2, 6).join('')],
    ['clause phrase (4–8 chars)', [...(clauses[11] as string)].slice(3, 9).join('')],
    ['filled value', '拼多多'],
    ['record id', made.ids[4] as string],
  ];
  for (const [label, text] of peer) out.push({ label: `${label} [peer]`, query: { query: text }, like: text });
  return out;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-archive-bench-'));
  const rows: Array<[string, string, string]> = [];
  try {
    const dbPath = join(dir, 'pledge-desk.db');
    const db = openDatabase(dbPath, new Date('2026-11-28T00:00:00Z'));
    const likeDb = openDatabase(join(dir, 'like-peer.db'), new Date('2026-11-28T00:00:00Z'));
    likeDb.pragma('synchronous = OFF');
    likeDb.exec('CREATE TABLE pledge_text (docid INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const templates = templateVersions(loadBuiltinTemplates(join(root, 'resources')));
    const repo = new TemplateRepository(db);
    db.transaction(() => templates.forEach((t) => repo.save(t, 'import', new Date('2024-01-01T00:00:00Z'))))();

    const built = time(() => populate(db, likeDb, templates));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec("INSERT INTO search_fts(search_fts) VALUES ('optimize'); INSERT INTO search_short(search_short) VALUES ('optimize'); ANALYZE;");
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(dbPath).size;
    const indexBytes = (db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'").pluck().get() as number | null) ?? 0;
    rows.push([`write ${RECORDS.toLocaleString('en')} pledges (chain + index)`, `${(built.ms / 1000).toFixed(1)} s, ${(built.ms * 1000 / RECORDS).toFixed(0)} µs each`, `~${built.value.hanPerPledge} Han chars per pledge, ${templates.length} template versions`]);
    rows.push(['database size', `${(dbBytes / 1024 / 1024).toFixed(0)} MB, search tables ${(indexBytes / 1024 / 1024).toFixed(0)} MB`, 'naive trigram FTS of the full text: ~1 GB (issue #6)']);

    const all = cases(built.value, templates);
    // Warm-up pass, then three timed passes over every case.
    for (const c of all) searchArchive(db, c.query);
    const byLabel = new Map<string, number[]>();
    const every: number[] = [];
    const totals = new Map<Case, number>();
    for (let pass = 0; pass < 3; pass++) {
      for (const c of all) {
        const { ms, value } = time(() => searchArchive(db, c.query));
        totals.set(c, value.total);
        every.push(ms);
        const list = byLabel.get(c.label.replace(' [peer]', '')) ?? [];
        list.push(ms);
        byLabel.set(c.label.replace(' [peer]', ''), list);
      }
    }
    every.sort((a, b) => a - b);
    rows.push([`search: all ${all.length} queries × 3`, `p50 ${quantile(every, 0.5).toFixed(2)} ms, p95 ${quantile(every, 0.95).toFixed(2)} ms, max ${every[every.length - 1]?.toFixed(1)} ms`, 'target p95 < 30 ms; naive trigram FTS p95 69 ms (issue #6)']);
    for (const [label, times] of byLabel) {
      times.sort((a, b) => a - b);
      rows.push([`  ${label}`, `p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`, `${times.length / 3} queries`]);
    }

    const likeCount = likeDb.prepare('SELECT count(*) FROM pledge_text WHERE body LIKE ?').pluck();
    const speedups: number[] = [];
    for (const c of all.filter((x) => x.like !== undefined)) {
      const ours: number[] = [];
      for (let i = 0; i < 5; i++) ours.push(time(() => searchArchive(db, c.query)).ms);
      ours.sort((a, b) => a - b);
      const like = time(() => likeCount.get(`%${c.like}%`) as number);
      const oursMs = quantile(ours, 0.5);
      speedups.push(like.ms / oursMs);
      const agree = like.value === totals.get(c) ? 'same count' : `COUNTS DIFFER (ours ${totals.get(c)})`;
      rows.push([`  vs LIKE: ${c.label.replace(' [peer]', '')} "${c.like}"`, `${oursMs.toFixed(2)} ms vs ${like.ms.toFixed(0)} ms = ${(like.ms / oursMs).toFixed(0)}×`, `${like.value} matches, ${agree}`]);
    }
    speedups.sort((a, b) => a - b);
    rows.push(['speed-up over LIKE (same data, same run)', `min ${speedups[0]?.toFixed(0)}×, median ${quantile(speedups, 0.5).toFixed(0)}×`, 'target ≥ 50×']);
    rows.push(['peak memory (RSS)', `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`, '']);
    db.close();
    likeDb.close();
  } finally {
    if (KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i as 0 | 1 | 2]].length), 10));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(['archive search benchmark', 'Pledge Desk', 'peer / context']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

main();
