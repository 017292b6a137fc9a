/**
 * The optional digital signature on a real pledge: the host composes and archives a 3-page pledge (with its
 * evidence page and evidence.json), then the pledge is signed with a locally generated identity.
 *
 * Why this imports core/signing/digital directly: the host has no digital-signature surface yet
 * (`signing.finalize` gains `digitalSignature` when the contract is extended); until then this test drives
 * the signer on the archived bytes, exactly as finalize will.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalizeResult } from '../../electron/shared/dto';
import type { Host } from '../../electron/host/host';
import type { SelfSignedIdentity } from '../../electron/core/signing/digital/generate-self-signed-identity';
import { generateSelfSignedIdentity } from '../../electron/core/signing/digital/generate-self-signed-identity';
import { signPdfWithP12 } from '../../electron/core/signing/digital/sign-pdf-with-p12';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { pdfsig, qpdfSignatureDicts, runTool, tempFile } from '../support/pdf-signature-tools';
import { pdfText, qpdfCheck } from '../support/pdf-text';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import type { ManualClock } from '../support/test-host';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, createTestHost, ok } from '../support/test-host';

const PASSPHRASE = '张三的签名口令';
let host: Host;
let clock: ManualClock;
let result: FinalizeResult;
let pledge: Uint8Array;
let identity: SelfSignedIdentity;
let keygenMs: number;
let signed: Uint8Array;
const signMs: number[] = [];

beforeAll(async () => {
  ({ host, clock } = createTestHost(makeTempDir('pledge-digital-'), { seed: 5 }));
  const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  ok(await host.dispatch('drafts.update', { id, values: VALID_VALUES, signer: SIGNER }));
  result = ok<FinalizeResult>(
    await host.dispatch('signing.finalize', { draftId: id, signatures: { 'signature-1': { png: pngDataUrl(makeSignaturePng()) } }, date: '2026-11-28' }),
  );
  const blob = host.readBlob(result.fileSha256);
  if (!blob) throw new Error('archived PDF not readable');
  pledge = blob.bytes;

  const started = performance.now();
  identity = await generateSelfSignedIdentity({
    commonName: SIGNER.name,
    ...(SIGNER.organisation ? { organisation: SIGNER.organisation } : {}),
    validFrom: clock(),
    validDays: 3 * 365,
    passphrase: PASSPHRASE,
  });
  keygenMs = performance.now() - started;

  // Signed as finalize would: after composition, at the signing time, from the .p12 kept in the profile.
  const p12File = join(makeTempDir('pledge-profile-'), 'identity.p12');
  writeFileSync(p12File, identity.p12);
  clock.tick(1000);
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    signed = await signPdfWithP12(pledge, {
      p12: new Uint8Array(readFileSync(p12File)),
      passphrase: PASSPHRASE,
      signingTime: clock(),
      reason: '本人已阅读并同意上述承诺内容',
      location: '浙江省杭州市',
    });
    signMs.push(performance.now() - t);
  }
});

afterAll(() => {
  host.close();
  removeTempDirs();
});

describe('a composed pledge, digitally signed', () => {
  it('is a 3-page pledge with evidence.json before signing', async () => {
    expect((await PDFDocument.load(pledge)).getPageCount()).toBe(3);
    expect(runTool('pdfdetach', ['-list', tempFile('p.pdf', pledge)]).stdout).toContain('evidence.json');
  });

  it('pdfsig: valid, total document, signer 张三 of 杭州某某贸易有限公司', () => {
    const { signatures, raw } = pdfsig(signed);
    expect(signatures, raw).toHaveLength(1);
    expect(signatures[0], raw).toMatchObject({
      commonName: '张三',
      distinguishedName: 'CN=张三,O=杭州某某贸易有限公司,C=CN',
      signingTime: 'Nov 28 2026 02:30:01',
      signatureType: 'ETSI.CAdES.detached',
      totalDocument: true,
      validation: 'Signature is Valid.',
    });
    console.info(`[digital] pdfsig on the signed pledge:\n${raw}`);
  });

  it('keeps the archived pledge byte for byte as its first revision: same text, same evidence.json', () => {
    expect(Buffer.from(signed.subarray(0, pledge.length)).equals(Buffer.from(pledge))).toBe(true);
    expect(pdfText(tempFile('s.pdf', signed))).toBe(pdfText(tempFile('p.pdf', pledge)));
    const extract = (pdf: Uint8Array): string => {
      const dir = makeTempDir('pledge-detach-');
      runTool('pdfdetach', ['-saveall', '-o', dir, tempFile('x.pdf', pdf)]);
      return readFileSync(join(dir, 'evidence.json'), 'utf8');
    };
    const evidence = extract(signed);
    expect(evidence).toBe(extract(pledge));
    expect(JSON.parse(evidence)).toMatchObject({ documentId: result.id, contentHash: result.contentHash });
  });

  it('passes qpdf --check, and carries the reason and location in Chinese', () => {
    expect(qpdfCheck(tempFile('s.pdf', signed)).ok).toBe(true);
    expect(qpdfSignatureDicts(signed)[0]).toMatchObject({ '/Reason': 'u:本人已阅读并同意上述承诺内容', '/Location': 'u:浙江省杭州市', '/Name': 'u:张三' });
  });

  it('after a later change (a re-save, or bytes appended) is no longer reported valid over the total document', async () => {
    const resaved = await (await PDFDocument.load(signed)).save();
    const appended = Buffer.concat([signed, Buffer.from('\n% later\n')]);
    for (const changed of [resaved, appended]) {
      const s = pdfsig(changed).signatures[0];
      expect(s?.validation === 'Signature is Valid.' && s.totalDocument === true).toBe(false);
    }
  });

  it('signs a 3-page pledge fast (key generation excluded), and reports both times', () => {
    const warm = [...signMs.slice(1)].sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)] as number;
    console.info(
      `[digital] RSA-2048 identity: ${keygenMs.toFixed(0)} ms; sign ${pledge.length} B pledge: first ${signMs[0]?.toFixed(1)} ms, warm median ${median.toFixed(1)} ms (+${signed.length - pledge.length} B)`,
    );
    expect(median).toBeLessThan(500);
  });
});
