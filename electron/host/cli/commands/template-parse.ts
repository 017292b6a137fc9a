import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportedTemplate } from '../../../shared/dto';
import type { Template } from '../../../shared/template';
import { MAX_IMPORT_BYTES } from '../../../core/template/import/decode-document';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/** `pledge template parse FILE`: the templates a document holds, stored nowhere. */
export async function templateParse(ctx: CliContext): Promise<void> {
  const templates = unwrap<{ templates: Template[] }>(await ctx.host().dispatch('templates.parse', await uploadFile(ctx))).templates;
  output(ctx, { templates }, () =>
    templates
      .map((t) => {
        const kinds = ['blank', 'choice', 'signature', 'date'].map((k) => `${t.fields.filter((f) => f.kind === k).length} ${k}`).join(', ');
        const warnings = t.warnings.map((w) => `\n  warning ${w.code}: ${w.message}`).join('');
        return `${t.title}  (${t.id}, ${t.sections.length} sections; ${kinds})${warnings}\n`;
      })
      .join(''),
  );
}

/** `pledge template import FILE`: parses and stores each pledge as a template version. */
export async function templateImport(ctx: CliContext): Promise<void> {
  const templates = unwrap<{ templates: ImportedTemplate[] }>(await ctx.host().dispatch('templates.import', await uploadFile(ctx))).templates;
  output(ctx, { templates }, () =>
    templates
      .map((t) => `${t.isNewVersion ? 'imported' : 'unchanged'} ${t.id}\t${t.title}\t${t.fieldCount} fields${t.warnings.map((w) => `\n  warning ${w.code}: ${w.message}`).join('')}\n`)
      .join(''),
  );
}

/** Reads FILE (refusing a huge one before reading it) and hands it to the host as a blob. */
async function uploadFile(ctx: CliContext): Promise<{ blobId: string; fileName: string }> {
  const file = ctx.positionals[0];
  if (!file) throw new CliFailure('USAGE', 'usage: pledge template parse|import FILE');
  const path = resolve(ctx.io.cwd, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new CliFailure('VALIDATION', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CliFailure('IMPORT_TOO_LARGE', `${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const { blobId } = unwrap<{ blobId: string }>(await ctx.host().putBlob(new Uint8Array(readFileSync(path))));
  return { blobId, fileName: basename(path) };
}
