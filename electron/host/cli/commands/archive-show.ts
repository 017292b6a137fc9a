import type { ArchiveRecord } from '../../../shared/dto';
import { output, unwrap, type CliContext } from '../cli-context';
import { CliFailure } from '../cli-io';

const PERSONAL_TEXT: Record<ArchiveRecord['personalData'], string> = {
  none: 'none',
  masked: 'masked (--reveal shows it)',
  revealed: 'shown in full',
  erased: 'erased on request',
  'not-imported': 'not imported (the bundle came without it)',
};

/**
 * `pledge archive show ID [--reveal]`: one record with its signer, status, hashes and audit events. ID and phone
 * numbers and addresses are masked unless --reveal, which appends a `revealed` audit event ({via: 'cli', fields})
 * when the record has personal data. With --json: the `archive.get` record as the app sees it.
 */
export async function archiveShow(ctx: CliContext): Promise<void> {
  const id = ctx.positionals[0];
  if (!id || ctx.positionals.length > 1) throw new CliFailure('USAGE', 'usage: pledge archive show ID [--reveal]');
  const record = unwrap<ArchiveRecord>(await ctx.host().dispatch('archive.get', { id, ...(ctx.flags.reveal === true ? { reveal: true } : {}) }));
  output(ctx, record, () => {
    const s = record.signerDetails;
    const lines = [
      `${record.id}  ${record.title}`,
      `status:        ${record.status}${record.supersededBy ? ` (superseded by ${record.supersededBy})` : ''}`,
      `kind:          ${record.kind}`,
      `template:      ${record.templateId} ${record.templateVersion}`,
      `signer:        ${s.name} (${s.type})${s.organisation ? `, ${s.organisation}` : ''}`,
      ...(s.creditCode ? [`credit code:   ${s.creditCode}`] : []),
      ...(s.idNumber ? [`ID number:     ${s.idNumber}`] : []),
      ...(s.phone ? [`phone:         ${s.phone}`] : []),
      ...(s.address ? [`address:       ${s.address}`] : []),
      `personal data: ${PERSONAL_TEXT[record.personalData]}`,
      `date:          ${record.date}`,
      `signed at:     ${record.signedAt}`,
      `file sha256:   ${record.fileSha256} (${record.pdf.bytes} bytes)`,
      `content hash:  ${record.contentHash}`,
      'events:',
      ...record.events.map((e) => `  ${e.seq}\t${e.at}\t${e.kind}${Object.keys(e.details).length > 0 ? `\t${JSON.stringify(e.details)}` : ''}`),
    ];
    return `${lines.join('\n')}\n`;
  });
}
