import type Database from 'better-sqlite3';
import type { Draft, DraftSummary, Signer } from '../../shared/dto';
import type { FieldValues } from '../../shared/template';
import { CoreError } from '../errors';

interface DraftRow {
  id: string;
  template_id: string;
  template_version: string;
  title: string;
  field_count: number;
  values_json: string;
  signer_json: string | null;
  step: string;
  status: 'open' | 'signed';
  archive_id: string | null;
  created_at: string;
  updated_at: string;
}

// field_count leaves out signature fields: they are drawn at signing, never typed into the draft.
const SELECT = `SELECT d.*, t.title AS title,
    (SELECT count(*) FROM json_each(t.json, '$.fields') WHERE json_extract(value, '$.kind') <> 'signature') AS field_count
  FROM drafts d JOIN templates t ON t.id = d.template_id AND t.version = d.template_version`;

/**
 * Drafts in SQLite. Every write is one transaction committed with synchronous=FULL before the call returns,
 * so a change the UI reports as saved survives a crash or a power cut.
 */
export class DraftRepository {
  constructor(private readonly db: Database.Database) {}

  create(draft: { id: string; templateId: string; templateVersion: string; step: string }, now: Date): void {
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO drafts (id, template_id, template_version, step, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(draft.id, draft.templateId, draft.templateVersion, draft.step, at, at);
  }

  get(id: string): Draft {
    const row = this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DraftRow | undefined;
    if (!row) throw new CoreError('DRAFT_NOT_FOUND', `no draft ${id}`);
    return toDraft(row);
  }

  /**
   * Merges `values` into the stored ones (a key given replaces its value; others are kept), replaces the signer
   * and step when given, and returns the commit time. Refuses a signed draft.
   */
  update(id: string, change: { values?: FieldValues; signer?: Signer; step?: string }, now: Date): string {
    const at = now.toISOString();
    this.db.transaction(() => {
      const draft = this.get(id);
      if (draft.status !== 'open') throw new CoreError('DRAFT_FINALIZED', `draft ${id} is signed and can no longer change`);
      const values = change.values ? { ...draft.values, ...change.values } : draft.values;
      const signer = change.signer ?? draft.signer;
      this.db
        .prepare('UPDATE drafts SET values_json = ?, signer_json = ?, step = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(values), signer ? JSON.stringify(signer) : null, change.step ?? draft.step, at, id);
    }).immediate();
    return at;
  }

  /** Marks a draft as signed; runs inside the caller's finalisation transaction. */
  markSigned(id: string, archiveId: string, now: Date): void {
    this.db
      .prepare(`UPDATE drafts SET status = 'signed', archive_id = ?, step = 'sign', updated_at = ? WHERE id = ? AND status = 'open'`)
      .run(archiveId, now.toISOString(), id);
  }

  /** All drafts, most recently changed first. */
  list(): DraftSummary[] {
    const rows = this.db.prepare(`${SELECT} ORDER BY d.updated_at DESC, d.rowid DESC`).all() as DraftRow[];
    return rows.map((row) => {
      const draft = toDraft(row);
      const filled = Object.values(draft.values).filter((v) => (typeof v === 'string' ? v.trim() !== '' : v.option !== '')).length;
      return {
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
        filled,
        fieldCount: row.field_count,
      };
    });
  }
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    values: JSON.parse(row.values_json) as FieldValues,
    signer: row.signer_json ? (JSON.parse(row.signer_json) as Signer) : null,
    step: row.step,
    status: row.status,
    archiveId: row.archive_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
