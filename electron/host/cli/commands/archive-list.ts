import type { ArchiveSummary } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';

/** `pledge archive list`: archived pledges, newest first. */
export async function archiveList(ctx: CliContext): Promise<void> {
  const list = unwrap<ArchiveSummary[]>(await ctx.host().dispatch('archive.list', {}));
  const rows = list.map(({ id, title, signer, signedAt, fileSha256 }) => ({ id, title, signer, signedAt, fileSha256 }));
  output(ctx, rows, () => rows.map((r) => `${r.id}\t${r.signedAt}\t${r.signer}\t${r.title}\t${r.fileSha256.slice(0, 12)}\n`).join(''));
}
