import type Database from 'better-sqlite3';
import type { ArchiveListItem, ArchiveSearchResult, ArchiveSort, ArchiveStatus, Signer } from '../../shared/dto';
import type { ArchiveDbRow } from './archive-row';
import { toListItem } from './to-list-item';
import type { EventDbRow } from './list-events';
import { SIGNER_TYPE_CODE, STATUS_CODE, dayNumber } from './search-codes';

export interface ArchiveQuery {
  /** Words to find (all of them) in title, signer, organisation, clause text, filled values or record id. */
  query?: string;
  templateId?: string;
  signerType?: Signer['type'];
  /** Inclusive range of the date written on the pledge, YYYY-MM-DD. */
  from?: string;
  to?: string;
  status?: ArchiveStatus;
  /** Default `signedAt` (newest first); `rank` puts records whose own names and values match best first. */
  sort?: ArchiveSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
const MAX_TERMS = 8;

/** The words of a query: NFKC (full-width letters and digits become ASCII), lower-cased, at most 8. */
export function queryTerms(query: string | undefined): string[] {
  const words = (query ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** An FTS5 string literal: the term as one phrase, quotes doubled. */
const phrase = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/**
 * One page of records matching a query and filters, with the total. Each word must occur somewhere in the
 * record. Words of 3+ characters use the trigram indexes; 1–2 character words (most names) use the gram
 * index of names and values and a scan of the template versions' text (a few hundred rows at most). Clause
 * text is indexed once per template version, so a clause phrase costs one lookup per version, then an index
 * range per version, never a scan of every pledge's text. Redacted records are never found by text.
 * Never returns personal data: the indexes and the rows hold none.
 */
export function searchArchive(db: Database.Database, query: ArchiveQuery): ArchiveSearchResult {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const terms = queryTerms(query.query);
  const matches = terms.map((term) => termMatch(db, term));
  // Filters are inlined as integers (never user text); only FTS phrases are bound.
  const filters: string[] = [];
  if (terms.length > 0) filters.push(`d.status <> ${STATUS_CODE.redacted}`);
  if (query.templateId !== undefined) {
    const tkeys = db.prepare('SELECT tkey FROM search_template WHERE template_id = ?').pluck().all(query.templateId) as number[];
    filters.push(`d.tkey IN (${tkeys.join(',')})`);
  }
  // Codes and day numbers are forced to integers: a value the API validator would have refused matches nothing.
  const int = (n: number | undefined): number => (Number.isInteger(n) ? (n as number) : -1);
  if (query.signerType !== undefined) filters.push(`d.signer_type = ${int(SIGNER_TYPE_CODE[query.signerType])}`);
  if (query.from !== undefined) filters.push(`d.day >= ${int(dayNumber(query.from))}`);
  if (query.to !== undefined) filters.push(`d.day <= ${int(dayNumber(query.to))}`);
  if (query.status !== undefined) filters.push(`d.status = ${int(STATUS_CODE[query.status])}`);
  const where = [...matches.map((m) => m.condition), ...filters];
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const params = matches.map((m) => m.phrase);
  const count = (conditions: string[], ...bound: string[]): number =>
    db.prepare(`SELECT count(*) FROM search_doc d ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}`).pluck().get(...bound) as number;

  const single = matches.length === 1 ? matches[0] : undefined;
  // One word found in clause text: count that word's template versions through the covering index, then
  // the records found by their own text in other versions; an OR over both would visit each record twice.
  const total =
    single && single.tkeys.length > 0
      ? count([`d.tkey IN (${single.tkeys.join(',')})`, ...filters]) +
        count([`d.docid IN (${single.records})`, `d.tkey NOT IN (${single.tkeys.join(',')})`, ...filters], single.phrase)
      : count(where, ...params);
  if (total === 0 || (page - 1) * pageSize >= total) return { total, page, pageSize, items: [] };

  const offset = (page - 1) * pageSize;
  if (query.sort === 'title') return { total, page, pageSize, items: listItems(db, byTitle(db, whereSql, params, offset, pageSize)) };
  const newest = 'd.signed_ms DESC, d.docid DESC';
  // Many matches: walk the records newest first and stop at the page; few: look them up and sort them.
  const dense = total * 50 > (db.prepare('SELECT count(*) FROM search_doc').pluck().get() as number);
  let sql = `SELECT d.docid FROM search_doc d ${dense ? 'INDEXED BY search_doc_signed' : ''} ${whereSql} ORDER BY ${newest}`;
  let sqlParams: unknown[] = params;
  const first = terms[0];
  if (query.sort === 'rank' && first !== undefined && [...first].length >= 3) {
    // bm25 over the record's own text (names weigh most); records found only through clause text follow.
    sql = `SELECT d.docid FROM search_doc d
             LEFT JOIN (SELECT rowid AS docid, bm25(search_fts, 8.0, 2.0, 4.0) AS score FROM search_fts WHERE search_fts MATCH ?) r ON r.docid = d.docid
           ${whereSql} ORDER BY r.score IS NULL, r.score, ${newest}`;
    sqlParams = [phrase(first), ...params];
  } else if (query.sort === 'rank' && first !== undefined) {
    // Grams carry no positions to rank by: the signer whose name is the query first, then names containing it.
    sql = `SELECT d.docid FROM search_doc d JOIN archive a ON a.rowid = d.docid ${whereSql}
           ORDER BY lower(a.signer_name) = ? DESC, instr(lower(a.signer_name), ?) > 0 DESC, ${newest}`;
    sqlParams = [...params, first, first];
  }
  const docids = db.prepare(`${sql} LIMIT ? OFFSET ?`).pluck().all(...sqlParams, pageSize, offset) as number[];
  return { total, page, pageSize, items: listItems(db, docids) };
}

/**
 * A page in title order (then newest first) without sorting every match: count the matches per template
 * version, walk the titles in order to the page, and read only the versions the page falls in, newest
 * first through the (tkey, status, signed_ms) index.
 */
function byTitle(db: Database.Database, whereSql: string, params: readonly string[], offset: number, limit: number): number[] {
  const counts = db.prepare(`SELECT d.tkey AS tkey, count(*) AS n FROM search_doc d ${whereSql} GROUP BY d.tkey`).all(...params) as Array<{ tkey: number; n: number }>;
  const titles = new Map((db.prepare('SELECT tkey, title FROM search_template').all() as Array<{ tkey: number; title: string }>).map((t) => [t.tkey, t.title]));
  const groups = new Map<string, { tkeys: number[]; n: number }>();
  for (const { tkey, n } of counts) {
    const title = titles.get(tkey) ?? '';
    const group = groups.get(title) ?? { tkeys: [], n: 0 };
    group.tkeys.push(tkey);
    group.n += n;
    groups.set(title, group);
  }
  const out: number[] = [];
  let skip = offset;
  // Titles compare by code point, as SQLite's BINARY collation orders UTF-8 text.
  for (const title of [...groups.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    const group = groups.get(title) as { tkeys: number[]; n: number };
    if (skip >= group.n) {
      skip -= group.n;
      continue;
    }
    const and = whereSql ? `${whereSql} AND` : 'WHERE';
    const rows = db
      .prepare(`SELECT d.docid FROM search_doc d ${and} d.tkey IN (${group.tkeys.join(',')}) ORDER BY d.signed_ms DESC, d.docid DESC LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, limit - out.length, skip) as number[];
    out.push(...rows);
    skip = 0;
    if (out.length >= limit) break;
  }
  return out;
}

interface TermMatch {
  /** Template versions whose title or clause text holds the word. */
  tkeys: number[];
  /** SQL selecting the rowids of records whose own text holds it (binds `phrase`). */
  records: string;
  phrase: string;
  condition: string;
}

function termMatch(db: Database.Database, term: string): TermMatch {
  const long = [...term].length >= 3;
  const tkeys = templateKeys(db, term, long);
  const records = long ? 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?' : 'SELECT rowid FROM search_short WHERE search_short MATCH ?';
  const condition = tkeys.length > 0 ? `(d.tkey IN (${tkeys.join(',')}) OR d.docid IN (${records}))` : `d.docid IN (${records})`;
  return { tkeys, records, phrase: phrase(term), condition };
}

/** Template versions whose title or clause text contains the term. */
function templateKeys(db: Database.Database, term: string, long: boolean): number[] {
  if (long) {
    return db.prepare('SELECT rowid FROM search_template_fts WHERE search_template_fts MATCH ?').pluck().all(phrase(term)) as number[];
  }
  return db.prepare('SELECT tkey FROM search_template WHERE instr(lower(title), ?) > 0 OR instr(lower(body), ?) > 0').pluck().all(term, term) as number[];
}

/** List items for archive rowids, in that order, with status from their events. */
function listItems(db: Database.Database, docids: readonly number[]): ArchiveListItem[] {
  if (docids.length === 0) return [];
  const rows = db.prepare(`SELECT rowid, * FROM archive WHERE rowid IN (${docids.join(',')})`).all() as Array<ArchiveDbRow & { rowid: number }>;
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  const ids = rows.map((r) => r.id);
  const events = db
    .prepare(`SELECT record_id, kind, details_json FROM events WHERE record_id IN (${ids.map(() => '?').join(',')}) AND kind IN ('voided', 'redacted', 'superseded') ORDER BY seq`)
    .all(...ids) as Array<Pick<EventDbRow, 'record_id' | 'kind' | 'details_json'>>;
  return docids.flatMap((docid) => {
    const row = byRowid.get(docid);
    if (!row) return [];
    const own = events.filter((e) => e.record_id === row.id).map((e) => ({ kind: e.kind, details: JSON.parse(e.details_json) as Record<string, unknown> }));
    return [toListItem(row, own)];
  });
}
