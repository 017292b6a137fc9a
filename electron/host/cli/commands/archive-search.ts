import type { ArchiveListItem, ArchiveSearchResult } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

/** The largest page `archive.search` answers; the command walks every page. */
const PAGE_SIZE = 200;

/** What `archive list --json` and `archive search --json` print per record, keys in this order. */
export function listEntry(item: Pick<ArchiveListItem, 'id' | 'title' | 'signer' | 'signedAt' | 'fileSha256'>): { id: string; title: string; signer: string; signedAt: string; fileSha256: string } {
  return { id: item.id, title: item.title, signer: item.signer, signedAt: item.signedAt, fileSha256: item.fileSha256 };
}

/** One line of the human list: id, signing instant, signer, title, the PDF hash's first 12 digits. */
export function listLine(r: ReturnType<typeof listEntry>): string {
  return `${r.id}\t${r.signedAt}\t${r.signer}\t${r.title}\t${r.fileSha256.slice(0, 12)}\n`;
}

/**
 * `pledge archive search QUERY…`: every record whose title, signer, organisation, clause text, filled values
 * or id holds all the words (as the archive screen searches), newest first. Never prints personal data.
 */
export async function archiveSearch(ctx: CliContext): Promise<void> {
  const query = ctx.positionals.join(' ').trim();
  if (query === '') throw new CliFailure('USAGE', 'usage: pledge archive search QUERY');
  const host = ctx.host();
  const items: ArchiveListItem[] = [];
  for (let page = 1; ; page++) {
    const result = unwrap<ArchiveSearchResult>(await host.dispatch('archive.search', { query, page, pageSize: PAGE_SIZE }));
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  const rows = items.map(listEntry);
  output(ctx, rows, () => (rows.length === 0 ? 'no match\n' : rows.map(listLine).join('')));
}
