import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with optional stdin bytes and extra environment; never throws on a non-zero exit. */
export function runTool(command: string, args: string[], options: { input?: Uint8Array; env?: Record<string, string> } = {}): ToolRun {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input ? { input: options.input } : {}),
    env: { ...process.env, ...options.env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes bytes to a fresh temp file (removed by `removeTempDirs()`) and returns its path. */
export function tempFile(name: string, bytes: Uint8Array | string): string {
  const file = join(makeTempDir('pledge-sig-'), name);
  writeFileSync(file, bytes);
  return file;
}

/** One signature as `pdfsig` (poppler) reports it. */
export interface PdfsigSignature {
  fieldName?: string;
  commonName?: string;
  distinguishedName?: string;
  signingTime?: string;
  signatureType?: string;
  /** `true` for "Total document signed", `false` for "Not total document signed". */
  totalDocument?: boolean;
  /** e.g. "Signature is Valid.", "Digest Mismatch." */
  validation?: string;
}

/** `pdfsig FILE`, parsed per signature; `raw` is the whole output for error messages and the report. */
export function pdfsig(pdf: Uint8Array): { raw: string; signatures: PdfsigSignature[] } {
  // TZ=UTC: pdfsig prints the signing time in the local zone.
  const run = runTool('pdfsig', [tempFile('signed.pdf', pdf)], { env: { TZ: 'UTC' } });
  const raw = run.stdout + run.stderr;
  const signatures: PdfsigSignature[] = [];
  for (const block of raw.split(/^Signature #\d+:$/m).slice(1)) {
    const get = (label: string): string | undefined => new RegExp(`^\\s+- ${label}: (.*)$`, 'm').exec(block)?.[1];
    const total = /^\s+- (Total document signed|Not total document signed)$/m.exec(block)?.[1];
    const signature: PdfsigSignature = {};
    const set = <K extends keyof PdfsigSignature>(key: K, value: PdfsigSignature[K] | undefined): void => {
      if (value !== undefined) signature[key] = value;
    };
    set('fieldName', get('Signature Field Name'));
    set('commonName', get('Signer Certificate Common Name'));
    set('distinguishedName', get('Signer full Distinguished Name'));
    set('signingTime', get('Signing Time'));
    set('signatureType', get('Signature Type'));
    set('validation', get('Signature Validation'));
    set('totalDocument', total === undefined ? undefined : total === 'Total document signed');
    signatures.push(signature);
  }
  return { raw, signatures };
}

/** The last signature of a signed PDF, located by its /ByteRange: the CMS DER and the bytes it covers. */
export function lastSignature(pdf: Uint8Array): { byteRange: number[]; cms: Uint8Array; signedBytes: Uint8Array } {
  const text = Buffer.from(pdf).toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = matches.at(-1);
  if (!m) throw new Error('no /ByteRange in the PDF');
  const byteRange = m.slice(1, 5).map(Number);
  const [a = 0, b = 0, c = 0, d = 0] = byteRange;
  const padded = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  return { byteRange, cms: new Uint8Array(padded.subarray(0, derLength(padded))), signedBytes };
}

/** Total length of the DER element at the start of `bytes` (the zero padding after it is not part of it). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length;
}

/** `openssl cms -verify` of a detached CMS over `content`; `trustAnchor` PEM given → full chain check, else signature only. */
export function opensslVerifyCms(cms: Uint8Array, content: Uint8Array, trustAnchor?: string): ToolRun {
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', tempFile('sig.der', cms), '-content', tempFile('content.bin', content), '-out', '/dev/null', '-purpose', 'any'];
  return runTool('openssl', trustAnchor ? [...args, '-CAfile', tempFile('ca.pem', trustAnchor)] : [...args, '-noverify']);
}

/** Every /Sig dictionary in the PDF as qpdf decodes it (JSON v2: text strings as "u:…", names as "/…"). */
export function qpdfSignatureDicts(pdf: Uint8Array): Record<string, unknown>[] {
  const run = runTool('qpdf', ['--json=2', '--json-key=qpdf', tempFile('q.pdf', pdf)]);
  if (run.status !== 0) throw new Error(`qpdf --json failed: ${run.stderr}`);
  const [, objects] = (JSON.parse(run.stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf;
  return Object.values(objects)
    .map((o) => o.value)
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && v['/Type'] === '/Sig');
}
