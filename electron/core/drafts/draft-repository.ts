import type Database from 'better-sqlite3';
import type { Draft, DraftSummary, Signer } from '../../shared/dto';
import type { FieldValue, FieldValues } from '../../shared/template';
import { CoreError } from '../errors';

interface DraftRow {
  id: string;
  template_id: string;
  template_version: string;
  title: string;
  field_count: number;
  values_json: string;
  signer_json: string | null;
  acks_json: string;
  step: string;
  status: 'open' | 'signed';
  archive_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

// field_count leaves out signature fields: they are drawn at signing, never typed into the draft.
const SELECT = `SELECT d.*, t.title AS title,
    (SELECT count(*) FROM json_each(t.json, '$.fields') WHERE json_extract(value, '$.kind') <> 'signature') AS field_count
  FROM drafts d JOIN templates t ON t.id = d.template_id AND t.version = d.template_version`;

export interface DraftChange {
  values?: FieldValues;
  signer?: Signer;
  step?: string;
  /** Clause key → confirmed (true) or withdrawn (false). */
  acks?: Record<string, boolean>;
  /** Clause key of each field, so that changing an answer withdraws its clause's confirmation. */
  clauseOfField?: Map<string, string>;
}

export interface DraftListQuery {
  /** Matches title, signer name or organisation (substring, case-insensitive for Latin letters). */
  query?: string;
  sort?: 'updated' | 'created' | 'title';
}

/**
 * Drafts in SQLite. Every write is one transaction committed with synchronous=FULL before the call returns,
 * so a change the UI reports as saved survives a crash or a power cut.
 */
export class DraftRepository {
  constructor(private readonly db: Database.Database) {}

  create(draft: { id: string; templateId: string; templateVersion: string; step: string; values?: FieldValues; signer?: Signer | null }, now: Date): void {
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO drafts (id, template_id, template_version, step, values_json, signer_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(draft.id, draft.templateId, draft.templateVersion, draft.step, JSON.stringify(draft.values ?? {}), draft.signer ? JSON.stringify(draft.signer) : null, at, at);
  }

  /** A draft, also a deleted one (so that it can be restored). */
  get(id: string): Draft {
    const row = this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DraftRow | undefined;
    if (!row) throw new CoreError('DRAFT_NOT_FOUND', `no draft ${id}`);
    return toDraft(row);
  }

  /**
   * Merges `values` into the stored ones (a key given replaces its value; others are kept), replaces the signer
   * and step when given, records or withdraws clause confirmations, and returns the commit time. A changed
   * answer withdraws the confirmation of its clause. Refuses a signed or deleted draft.
   */
  update(id: string, change: DraftChange, now: Date): string {
    const at = now.toISOString();
    this.db.transaction(() => {
      const draft = this.get(id);
      if (draft.status !== 'open') throw new CoreError('DRAFT_FINALIZED', `draft ${id} is signed and can no longer change`);
      if (draft.deletedAt) throw new CoreError('DRAFT_NOT_FOUND', `draft ${id} was deleted`);
      const acks = { ...draft.acks };
      for (const [fieldId, value] of Object.entries(change.values ?? {})) {
        const clause = change.clauseOfField?.get(fieldId);
        if (clause !== undefined && !sameValue(draft.values[fieldId], value)) delete acks[clause];
      }
      for (const [clause, confirmed] of Object.entries(change.acks ?? {})) {
        if (!confirmed) delete acks[clause];
        else acks[clause] ??= at;
      }
      const values = change.values ? { ...draft.values, ...change.values } : draft.values;
      const signer = change.signer ?? draft.signer;
      this.db
        .prepare('UPDATE drafts SET values_json = ?, signer_json = ?, step = ?, acks_json = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(values), signer ? JSON.stringify(signer) : null, change.step ?? draft.step, JSON.stringify(acks), at, id);
    }).immediate();
    return at;
  }

  /** Moves a draft to another template version with the values and confirmations the caller kept. */
  rebase(id: string, templateVersion: string, values: FieldValues, acks: Record<string, string>, now: Date): void {
    this.db
      .prepare(`UPDATE drafts SET template_version = ?, values_json = ?, acks_json = ?, updated_at = ? WHERE id = ? AND status = 'open'`)
      .run(templateVersion, JSON.stringify(values), JSON.stringify(acks), now.toISOString(), id);
  }

  /** Marks a draft as signed; runs inside the caller's finalisation transaction. */
  markSigned(id: string, archiveId: string, now: Date): void {
    this.db
      .prepare(`UPDATE drafts SET status = 'signed', archive_id = ?, step = 'sign', updated_at = ? WHERE id = ? AND status = 'open'`)
      .run(archiveId, now.toISOString(), id);
  }

  /** Moves a draft to the trash (it stays restorable); returns the time. */
  delete(id: string, now: Date): string {
    const at = this.db
      .prepare('UPDATE drafts SET deleted_at = coalesce(deleted_at, ?) WHERE id = ? RETURNING deleted_at')
      .pluck()
      .get(now.toISOString(), id) as string | undefined;
    if (at === undefined) throw new CoreError('DRAFT_NOT_FOUND', `no draft ${id}`);
    return at;
  }

  restore(id: string): void {
    this.get(id);
    this.db.prepare('UPDATE drafts SET deleted_at = NULL WHERE id = ?').run(id);
  }

  /** Drafts not in the trash, most recently changed first unless asked otherwise. */
  list(query: DraftListQuery = {}): DraftSummary[] {
    const order = { updated: 'd.updated_at DESC', created: 'd.created_at DESC', title: 't.title ASC, d.updated_at DESC' }[query.sort ?? 'updated'];
    const rows = this.db.prepare(`${SELECT} WHERE d.deleted_at IS NULL ORDER BY ${order}, d.rowid DESC`).all() as DraftRow[];
    const needle = query.query?.trim().toLowerCase() ?? '';
    return rows
      .map((row) => ({ row, draft: toDraft(row) }))
      .filter(({ draft }) =>
        needle === '' ? true : [draft.title, draft.signer?.name ?? '', draft.signer?.organisation ?? ''].some((s) => s.toLowerCase().includes(needle)),
      )
      .map(({ row, draft }) => ({
        id: draft.id,
        templateId: draft.templateId,
        templateVersion: draft.templateVersion,
        title: draft.title,
        step: draft.step,
        status: draft.status,
        archiveId: draft.archiveId,
        createdAt: draft.createdAt,
        updatedAt: draft.updatedAt,
        signerName: draft.signer?.name || null,
        organisation: draft.signer?.organisation || null,
        filled: Object.values(draft.values).filter(isFilled).length,
        fieldCount: row.field_count,
      }));
  }
}

function isFilled(value: FieldValue): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value.option !== '';
}

function sameValue(a: FieldValue | undefined, b: FieldValue): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b);
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    values: JSON.parse(row.values_json) as FieldValues,
    signer: row.signer_json ? (JSON.parse(row.signer_json) as Signer) : null,
    acks: JSON.parse(row.acks_json) as Record<string, string>,
    step: row.step,
    status: row.status,
    archiveId: row.archive_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    newerVersion: null,
  };
}
