import type { ArchiveSummary } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';
import { listEntry, listLine } from './archive-search';

/** `pledge archive list`: archived pledges, newest first. */
export async function archiveList(ctx: CliContext): Promise<void> {
  const list = unwrap<ArchiveSummary[]>(await ctx.host().dispatch('archive.list', {}));
  const rows = list.map(listEntry);
  output(ctx, rows, () => rows.map(listLine).join(''));
}
