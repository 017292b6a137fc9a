import type { Template } from '../../../shared/template';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/** `pledge template show ID`: the template JSON, or its fields as a table. */
export async function templateShow(ctx: CliContext): Promise<void> {
  const id = ctx.positionals[0];
  if (!id) throw new CliFailure('USAGE', 'usage: pledge template show ID');
  const template = unwrap<Template>(await ctx.host().dispatch('templates.get', { id }));
  output(ctx, template, () => {
    const rows = template.fields.map((f) => {
      const type = f.kind === 'choice' ? `choice: ${(f.options ?? []).join('/')}` : f.kind === 'blank' ? (f.valueType ?? 'text') : f.kind;
      return `  ${f.id.padEnd(14)} ${type.padEnd(18)} ${f.unit ?? ''}\t${f.label}`;
    });
    return `${template.title}  (${template.id}, version ${template.version.slice(0, 12)})\nfields:\n${rows.join('\n')}\n`;
  });
}
