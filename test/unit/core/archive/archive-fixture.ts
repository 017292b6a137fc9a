import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { ArchiveRepository, type NewArchiveRow } from '../../../../electron/core/archive/archive-repository';
import { ContentStore } from '../../../../electron/core/archive/content-store';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { TemplateRepository } from '../../../../electron/core/templates/template-repository';
import { loadBuiltinTemplates } from '../../../../electron/host/load-builtin-templates';
import type { Signer } from '../../../../electron/shared/dto';
import type { FieldValues, Template } from '../../../../electron/shared/template';
import { RESOURCES_DIR } from '../../../support/paths';
import { makeTempDir } from '../../../support/temp-dir';

export const TEMPLATES: Template[] = loadBuiltinTemplates(RESOURCES_DIR);
export const template = (id: string): Template => TEMPLATES.find((t) => t.id === id) as Template;

/** A complete answer set for any built-in template (blanks 5, texts 淘宝, first option, dates the pledge's). */
export function valuesFor(t: Template, date: string, overrides: FieldValues = {}): FieldValues {
  const values: FieldValues = {};
  for (const f of t.fields) {
    if (f.kind === 'signature') continue;
    if (f.kind === 'date') values[f.id] = date;
    else if (f.kind === 'choice') values[f.id] = { option: (f.options ?? [])[0] as string };
    else if (f.valueType === 'text') values[f.id] = '淘宝';
    else if (f.valueType === 'phone') values[f.id] = '13912345678';
    else values[f.id] = '5';
  }
  return { ...values, ...overrides };
}

export interface ArchiveFixture {
  db: Database.Database;
  dataDir: string;
  archive: ArchiveRepository;
  pdfs: ContentStore;
  scans: ContentStore;
  /** Adds a record (with a small fake PDF stored under its hash) and returns its id. */
  add(options?: { templateId?: string; signer?: Signer; values?: FieldValues; signedAt?: string; id?: string }): string;
}

let counter = 0;

/** A fresh database in a temp folder with every migration, the built-in templates and a PDF store. */
export function archiveFixture(): ArchiveFixture {
  const dataDir = makeTempDir('pledge-archive-');
  const db = openDatabase(join(dataDir, 'pledge-desk.db'), new Date('2026-11-28T00:00:00Z'));
  const templates = new TemplateRepository(db);
  for (const t of TEMPLATES) templates.save(t, 'builtin', new Date('2026-01-01T00:00:00Z'));
  const archive = new ArchiveRepository(db);
  const pdfs = new ContentStore(join(dataDir, 'archive'), '.pdf');
  const scans = new ContentStore(join(dataDir, 'scans'), '');
  let seq = 0;
  return {
    db,
    dataDir,
    archive,
    pdfs,
    scans,
    add(options = {}) {
      seq++;
      counter++;
      const t = template(options.templateId ?? 'ecommerce-service');
      const signedAt = options.signedAt ?? new Date(Date.parse('2026-01-01T08:00:00Z') + seq * 3_600_000).toISOString();
      const date = signedAt.slice(0, 10);
      const id = options.id ?? `PD-${date.replaceAll('-', '')}-${String(counter).padStart(8, '0')}`;
      const fileSha256 = pdfs.put(new TextEncoder().encode(`%PDF-1.7 fake pledge ${id}`));
      const row: NewArchiveRow = {
        id,
        templateId: t.id,
        templateVersion: t.version,
        title: t.title,
        signer: options.signer ?? { type: '企业', name: '张三', organisation: '杭州某某贸易有限公司' },
        values: options.values ?? valuesFor(t, date),
        date,
        signedAt,
        fileSha256,
        fileBytes: 40,
        contentHash: `${String(seq).padStart(4, '0')}${'c'.repeat(60)}`,
        draftId: null,
      };
      db.transaction(() => archive.insert(row, t, `${String(seq).padStart(32, '0')}`)).immediate();
      return id;
    },
  };
}
