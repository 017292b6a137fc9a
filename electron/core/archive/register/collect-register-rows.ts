import type Database from 'better-sqlite3';
import type { ArchiveEventKind, ArchiveStatus, Signer } from '../../../shared/dto';
import { CoreError } from '../../errors';
import { verificationCode } from '../../pdf/draw-qr';
import type { ArchiveDbRow } from '../archive-row';
import { maskPersonal } from '../mask-personal';
import type { PersonalData } from '../personal-data';
import { recordStatus } from '../record-status';
import { type ArchiveQuery, MAX_PAGE_SIZE, searchArchive } from '../search-archive';
import type { RegisterRow } from './register-columns';

/** The most records one register holds: a spreadsheet of 100,000 rows is what Excel still opens comfortably. */
export const MAX_REGISTER_ROWS = 100_000;

/** Which records go into a register: these ids, every record matching a search's filters, or every record. */
export type RegisterSelection = { ids: readonly string[] } | { filter: Omit<ArchiveQuery, 'sort' | 'page' | 'pageSize'> } | 'all';

export interface CollectedRegister {
  /** Oldest signature first (then archive order), numbered from 1. */
  rows: RegisterRow[];
  /** Ids of the records whose personal data appears unmasked (only with `reveal`), for the audit log. */
  revealed: string[];
}

const STATUS_TEXT: Record<ArchiveStatus, string> = { valid: '有效', void: '已作废', superseded: '已被更正', redacted: '已删除个人信息' };
const KIND_TEXT = { composed: '在线填写签署', stamped: '外部文件盖章' } as const;
/** A personal cell of a record whose personal data is gone: erased on request, or left out of its import bundle. */
const ERASED = '（已删除）';
const NOT_IMPORTED = '（未随交换包导入）';

type Row = ArchiveDbRow & { rowid: number; personal_json: string | null };
type EventRow = { record_id: string; kind: ArchiveEventKind; details_json: string };

/**
 * The register rows for a selection. Personal data (ID and phone numbers, addresses) is masked as in lists
 * unless `reveal`; a record whose personal data was erased or not imported says so in those cells. Reads in
 * one transaction, so the rows are one consistent snapshot. Throws ARCHIVE_NOT_FOUND for an unknown id and
 * VALIDATION when more than MAX_REGISTER_ROWS records are selected.
 */
export function collectRegisterRows(db: Database.Database, selection: RegisterSelection, options: { reveal: boolean }): CollectedRegister {
  return db.transaction(() => build(db, selectRows(db, selection), options.reveal))();
}

const SELECT_ROW = 'SELECT a.rowid AS rowid, a.*, p.json AS personal_json FROM archive a LEFT JOIN personal_data p ON p.hash = a.personal_hash';

function selectRows(db: Database.Database, selection: RegisterSelection): Row[] {
  let rows: Row[];
  if (selection === 'all') {
    const count = db.prepare('SELECT count(*) FROM archive').pluck().get() as number;
    tooMany(count);
    rows = db.prepare(SELECT_ROW).all() as Row[];
  } else {
    const ids = 'ids' in selection ? [...new Set(selection.ids)] : filteredIds(db, selection.filter);
    tooMany(ids.length);
    const byId = db.prepare(`${SELECT_ROW} WHERE a.id = ?`);
    rows = ids.map((id) => {
      const row = byId.get(id) as Row | undefined;
      if (!row) throw new CoreError('ARCHIVE_NOT_FOUND', `no archived pledge ${id}`, 'ids');
      return row;
    });
  }
  // ISO instants in UTC compare as text.
  return rows.sort((a, b) => (a.signed_at < b.signed_at ? -1 : a.signed_at > b.signed_at ? 1 : a.rowid - b.rowid));
}

function tooMany(count: number): void {
  if (count > MAX_REGISTER_ROWS) {
    throw new CoreError('VALIDATION', `a register holds at most ${MAX_REGISTER_ROWS} records, not ${count}: narrow the search or pick records`, 'ids');
  }
}

/** Every record the search finds, page by page (the search's own pages are at most MAX_PAGE_SIZE). */
function filteredIds(db: Database.Database, filter: Omit<ArchiveQuery, 'sort' | 'page' | 'pageSize'>): string[] {
  const first = searchArchive(db, { ...filter, page: 1, pageSize: MAX_PAGE_SIZE });
  tooMany(first.total);
  const ids = first.items.map((i) => i.id);
  for (let page = 2; ids.length < first.total; page++) {
    const next = searchArchive(db, { ...filter, page, pageSize: MAX_PAGE_SIZE });
    if (next.items.length === 0) break;
    ids.push(...next.items.map((i) => i.id));
  }
  return ids;
}

function build(db: Database.Database, rows: readonly Row[], reveal: boolean): CollectedRegister {
  const events = new Map<string, Array<{ kind: ArchiveEventKind; details: Record<string, unknown> }>>();
  // Only the kinds that decide a status or where personal data went; one scan rather than one query per record.
  const eventRows = db
    .prepare("SELECT record_id, kind, details_json FROM events WHERE kind IN ('voided', 'redacted', 'superseded', 'imported') ORDER BY seq")
    .all() as EventRow[];
  for (const e of eventRows) {
    const list = events.get(e.record_id) ?? [];
    list.push({ kind: e.kind, details: JSON.parse(e.details_json) as Record<string, unknown> });
    events.set(e.record_id, list);
  }
  const revealed: string[] = [];
  const out = rows.map((row, index): RegisterRow => {
    const own = events.get(row.id) ?? [];
    const { status, supersededBy } = recordStatus(own);
    const signer = JSON.parse(row.signer_json) as Signer;
    const personal = row.personal_json === null ? null : (JSON.parse(row.personal_json) as PersonalData);
    const lastImport = own.filter((e) => e.kind === 'imported').at(-1);
    const gone = row.personal_hash === null ? '' : status !== 'redacted' && lastImport?.details.personalData === 'omitted' ? NOT_IMPORTED : ERASED;
    const cell = (key: 'idNumber' | 'phone' | 'address'): string => {
      if (personal === null) return gone;
      const value = personal.signer[key];
      if (value === undefined || value === '') return '';
      return reveal ? value : maskPersonal(value);
    };
    if (reveal && personal !== null && (personal.signer.idNumber || personal.signer.phone || personal.signer.address)) revealed.push(row.id);
    return {
      seq: index + 1,
      id: row.id,
      title: row.title,
      kind: KIND_TEXT[row.kind],
      template: row.kind === 'stamped' ? `源文件 ${row.template_version}` : `${row.template_id}（版本 ${row.template_version}）`,
      signer: row.signer_name,
      signerType: signer.type,
      organisation: row.organisation ?? '',
      creditCode: signer.creditCode ?? '',
      date: row.sign_date,
      signedAt: row.signed_at,
      status: STATUS_TEXT[status],
      supersededBy: supersededBy ?? '',
      fileSha256: row.file_sha256,
      contentHash: row.content_hash,
      code: verificationCode(row.id, row.content_hash),
      idNumber: cell('idNumber'),
      phone: cell('phone'),
      address: cell('address'),
    };
  });
  return { rows: out, revealed };
}
