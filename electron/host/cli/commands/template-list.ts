import type { TemplateSummary } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';

/** `pledge template list`: every template's newest version. */
export async function templateList(ctx: CliContext): Promise<void> {
  const list = unwrap<TemplateSummary[]>(await ctx.host().dispatch('templates.list', {}));
  output(ctx, list, () => list.map((t) => `${t.id}\t${t.title}\t${t.fieldCount} fields\t${t.version.slice(0, 12)}\n`).join(''));
}
