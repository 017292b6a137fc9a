import type Database from 'better-sqlite3';
import type { TemplateSummary } from '../../shared/dto';
import type { Template } from '../../shared/template';
import { CoreError } from '../errors';

/** Template versions in SQLite. A version, once stored, is never changed: drafts and pledges refer to it. */
export class TemplateRepository {
  constructor(private readonly db: Database.Database) {}

  /**
   * Stores a version if it is new and returns true; a version stored before becomes the newest again
   * (re-saving old content, or importing it again, reverts to it) and false is returned.
   */
  save(template: Template, source: 'builtin' | 'import', now: Date): boolean {
    if (this.has(template.id, template.version)) {
      this.db.prepare('UPDATE templates SET created_at = ? WHERE id = ? AND version = ?').run(now.toISOString(), template.id, template.version);
      return false;
    }
    this.db
      .prepare(`INSERT INTO templates (id, version, title, source, json, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(template.id, template.version, template.title, source, JSON.stringify(template), now.toISOString());
    return true;
  }

  has(id: string, version: string): boolean {
    return this.db.prepare('SELECT 1 FROM templates WHERE id = ? AND version = ?').get(id, version) !== undefined;
  }

  /** The newest version of every template, by title. */
  list(): TemplateSummary[] {
    const rows = this.db
      .prepare(
        `SELECT json FROM templates t WHERE rowid = (
           SELECT rowid FROM templates WHERE id = t.id ORDER BY created_at DESC, rowid DESC LIMIT 1)
         ORDER BY title`,
      )
      .pluck()
      .all() as string[];
    return rows.map((json) => {
      const t = JSON.parse(json) as Template;
      return { id: t.id, version: t.version, title: t.title, sectionCount: t.sections.length, fieldCount: t.fields.length };
    });
  }

  /** A template version; the newest one when `version` is not given. */
  get(id: string, version?: string): Template {
    const json = (
      version === undefined
        ? this.db.prepare('SELECT json FROM templates WHERE id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').pluck().get(id)
        : this.db.prepare('SELECT json FROM templates WHERE id = ? AND version = ?').pluck().get(id, version)
    ) as string | undefined;
    if (json === undefined) {
      throw new CoreError('TEMPLATE_NOT_FOUND', version ? `no template ${id} at version ${version}` : `no template ${id}`);
    }
    return JSON.parse(json) as Template;
  }
}
