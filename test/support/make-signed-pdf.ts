import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { makeTempDir } from './temp-dir';

const PLACEHOLDER_RANGE = '[ 0 9999999999 9999999999 9999999999 ]';
const CONTENTS_HEX = 16384;

/** True if the `openssl` command is available (it signs the test PDFs). */
export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version']).status === 0;
}

function openssl(args: string[]): void {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

/**
 * A one-page PDF carrying a real detached PKCS#7 signature (adbe.pkcs7.detached, SHA-256, a fresh
 * self-signed certificate made with `openssl`), signed over the whole file, so that `pdfsig` reports
 * "Signature is Valid." and "Total document signed". Made with stock pdf-lib, not the code under test.
 */
export async function makeSignedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.drawText('Signed agreement', { x: 72, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  const { context } = doc;
  const sigDict = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ByteRange: [0, 9999999999, 9999999999, 9999999999],
    Contents: PDFHexString.of('0'.repeat(CONTENTS_HEX)),
    M: PDFHexString.fromText('D:20261128000000Z'),
  });
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText('Signature1'),
    Rect: [0, 0, 0, 0],
    F: 132,
    // An (empty) appearance, as signing tools write: flattening the form needs one.
    AP: { N: context.register(context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 0, 0] })) },
    V: context.register(sigDict),
    P: page.ref,
  });
  const widgetRef = context.register(widget);
  page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widgetRef], SigFlags: PDFNumber.of(3) }));
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));

  const text = bytes.toString('latin1');
  const contentsStart = text.indexOf(`<${'0'.repeat(CONTENTS_HEX)}>`);
  const contentsEnd = contentsStart + CONTENTS_HEX + 2;
  const range = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const rangeAt = text.indexOf(PLACEHOLDER_RANGE);
  if (contentsStart < 0 || rangeAt < 0) throw new Error('signature placeholders not found');
  bytes.write(`[ ${range.join(' ')} ]`.padEnd(PLACEHOLDER_RANGE.length, ' '), rangeAt, 'latin1');

  const dir = makeTempDir('pledge-signed-');
  const [key, cert, data, sig] = ['key.pem', 'cert.pem', 'data.bin', 'sig.der'].map((f) => join(dir, f)) as [string, string, string, string];
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=Pledge Desk test signer']);
  writeFileSync(data, Buffer.concat([bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)]));
  openssl(['cms', '-sign', '-binary', '-md', 'sha256', '-in', data, '-signer', cert, '-inkey', key, '-outform', 'DER', '-out', sig]);
  const hex = readFileSync(sig).toString('hex');
  if (hex.length > CONTENTS_HEX) throw new Error('signature larger than its placeholder');
  bytes.write(hex.padEnd(CONTENTS_HEX, '0'), contentsStart + 1, 'latin1');
  return new Uint8Array(bytes);
}

/** `pdfsig` on a file: its full report. */
export function pdfsig(file: string): string {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}
