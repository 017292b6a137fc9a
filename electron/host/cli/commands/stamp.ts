import { basename, resolve } from 'node:path';
import type { Signer, StampResultDto } from '../../../shared/dto';
import { atomicWriteFile } from '../../../core/util/atomic-write-file';
import { requireFlag, stringFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';
import { imageDataUrl, readInputFile, readSignerFile } from '../read-input-file';

/**
 * `pledge stamp IN.pdf --signature PNG [--seal PNG] [--date YYYY-MM-DD] [--page N|last|all] [--at X,Y]
 * [--cross-page-seal] [--signer FILE.json] --out OUT.pdf`: stamps an outside PDF, archives it as a `stamped`
 * record and writes a copy. `--at` is in PDF points from the bottom-left corner of the page's crop box, as
 * the user sees the page; without it the block goes to the bottom right.
 */
export async function stamp(ctx: CliContext): Promise<void> {
  const input = ctx.positionals[0];
  if (!input) throw new CliFailure('USAGE', 'usage: pledge stamp IN.pdf --signature PNG --out OUT.pdf');
  const out = resolve(ctx.io.cwd, requireFlag(ctx, 'out'));
  const signature = imageDataUrl(ctx, requireFlag(ctx, 'signature'), '--signature');
  const sealPath = stringFlag(ctx, 'seal');
  const pageText = stringFlag(ctx, 'page') ?? 'last';
  const page = pageText === 'last' || pageText === 'all' ? pageText : Number(pageText);
  if (typeof page === 'number' && (!Number.isInteger(page) || page < 1)) throw new CliFailure('USAGE', '--page is a page number, last or all');
  const atText = stringFlag(ctx, 'at');
  const at = atText?.split(',').map(Number);
  if (at && (at.length !== 2 || at.some((n) => !Number.isFinite(n)))) throw new CliFailure('USAGE', '--at is X,Y in PDF points');
  const signerPath = stringFlag(ctx, 'signer');
  const signer: Signer = signerPath ? readSignerFile(ctx, signerPath) : { type: '个人', name: '' };
  const date = stringFlag(ctx, 'date');
  const dateFormat = stringFlag(ctx, 'date-format');
  if (dateFormat !== undefined && dateFormat !== 'zh' && dateFormat !== 'iso') throw new CliFailure('USAGE', '--date-format is zh or iso');

  const host = ctx.host();
  const { blobId } = unwrap<{ blobId: string }>(await host.putBlob(readInputFile(ctx, input)));
  const result = unwrap<StampResultDto>(
    await host.dispatch('stamping.stamp', {
      blobId,
      fileName: basename(input),
      signer,
      signature: { png: signature },
      ...(sealPath ? { seal: { png: imageDataUrl(ctx, sealPath, '--seal') } } : {}),
      ...(date ? { date } : {}),
      ...(dateFormat ? { dateFormat } : {}),
      block: { page, ...(at ? { at: { x: at[0] as number, y: at[1] as number } } : {}) },
      ...(ctx.flags['cross-page-seal'] === true ? { crossPageSeal: true } : {}),
    }),
  );
  const blob = host.readBlob(result.fileSha256);
  if (!blob) throw new CliFailure('INTERNAL', 'the stamped PDF could not be read back');
  atomicWriteFile(out, blob.bytes);
  if (ctx.json) ctx.io.stdout(`${JSON.stringify({ id: result.id, fileSha256: result.fileSha256, out }, null, 2)}\n`);
  else {
    ctx.io.stdout(`archived ${result.id}\nwrote ${out}\n`);
    for (const w of result.warnings) ctx.io.stderr(`warning: ${w.code}: ${w.message}\n`);
  }
}
