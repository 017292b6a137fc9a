import { resolve } from 'node:path';
import type { FinalizeResult } from '../../../shared/dto';
import type { FieldValues, Template } from '../../../shared/template';
import { atomicWriteFile } from '../../../core/util/atomic-write-file';
import { requireFlag, stringFlag, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';
import { imageDataUrl, readInputFile, readJsonFile, readSignerFile } from '../read-input-file';

/**
 * `pledge fill --template ID --values FILE.json [--signer FILE.json] [--signature PNG] [--seal PNG]
 * [--date YYYY-MM-DD] [--date-format zh|iso] [--p12 FILE --p12-pass-env VAR] --out FILE.pdf`: fills, signs and archives a pledge through the same methods as the
 * wizard, then writes a copy of the archived PDF to --out.
 */
export async function fill(ctx: CliContext): Promise<void> {
  const templateId = requireFlag(ctx, 'template');
  const out = resolve(ctx.io.cwd, requireFlag(ctx, 'out'));
  const values = readJsonFile(ctx, requireFlag(ctx, 'values'), '--values') as FieldValues;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new CliFailure('VALIDATION', '--values must hold a JSON object of { "<fieldId>": value }');
  }
  const signerPath = stringFlag(ctx, 'signer');
  const signer = signerPath ? readSignerFile(ctx, signerPath) : undefined;
  const date = stringFlag(ctx, 'date') ?? today();
  const signaturePath = stringFlag(ctx, 'signature');
  const sealPath = stringFlag(ctx, 'seal');

  const host = ctx.host();
  const template = unwrap<Template>(await host.dispatch('templates.get', { id: templateId }));
  const { id: draftId } = unwrap<{ id: string }>(await host.dispatch('drafts.create', { templateId }));
  unwrap(await host.dispatch('drafts.update', { id: draftId, values, ...(signer ? { signer } : {}) }));

  const signatures: Record<string, { png: string }> = {};
  if (signaturePath) {
    const png = imageDataUrl(ctx, signaturePath, '--signature');
    for (const field of template.fields) if (field.kind === 'signature') signatures[field.id] = { png };
  }
  const dateFormat = stringFlag(ctx, 'date-format');
  if (dateFormat !== undefined && dateFormat !== 'zh' && dateFormat !== 'iso') {
    throw new CliFailure('USAGE', '--date-format is zh (2026年11月28日) or iso (2026-11-28)');
  }
  const digitalSignature = await p12Option(ctx);
  const result = unwrap<FinalizeResult>(
    await host.dispatch('signing.finalize', {
      draftId,
      signatures,
      ...(sealPath ? { seal: { png: imageDataUrl(ctx, sealPath, '--seal') } } : {}),
      date,
      ...(dateFormat ? { dateFormat } : {}),
      ...(digitalSignature ? { digitalSignature } : {}),
    }),
  );
  const blob = host.readBlob(result.fileSha256);
  if (!blob) throw new CliFailure('INTERNAL', 'the archived PDF could not be read back');
  atomicWriteFile(out, blob.bytes);
  const value = { ...result, out };
  if (ctx.json) ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  else ctx.io.stdout(`archived ${result.id}\nwrote ${out}\ncontent hash ${result.contentHash}\n`);
}




/** The local calendar date, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * `--p12 FILE --p12-pass-env VAR`: the .p12 goes through the blob route; the passphrase is read from the
 * named environment variable, never from the command line (where `ps` and shell history would show it).
 */
async function p12Option(ctx: CliContext): Promise<{ p12BlobId: string; passphrase: string } | undefined> {
  const file = stringFlag(ctx, 'p12');
  const passEnv = stringFlag(ctx, 'p12-pass-env');
  if (!file && !passEnv) return undefined;
  if (!file || !passEnv) throw new CliFailure('USAGE', '--p12 FILE and --p12-pass-env VAR go together');
  const passphrase = ctx.io.env[passEnv];
  if (passphrase === undefined) throw new CliFailure('USAGE', `the environment variable ${passEnv} is not set`);
  const { blobId } = unwrap<{ blobId: string }>(await ctx.host().putBlob(readInputFile(ctx, file, '--p12')));
  return { p12BlobId: blobId, passphrase };
}
