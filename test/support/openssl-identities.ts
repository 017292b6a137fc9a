import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './pdf-signature-tools';
import { makeTempDir } from './temp-dir';

export interface OpensslIdentityOptions {
  key?: 'rsa' | 'ec' | 'ed25519';
  /** `-subj`, e.g. `/C=CN/O=杭州某某网店/CN=李四` (written as UTF8String with -utf8). */
  subject?: string;
  passphrase?: string;
  /** How the .p12 is encrypted: OpenSSL 3's default (PBES2/AES-256, SHA-256 MAC), 3DES+SHA-1, or RC2-40 (-legacy). */
  encryption?: 'default' | '3des' | 'rc2';
  /** keyUsage extension value; default `critical,digitalSignature,nonRepudiation`. */
  keyUsage?: string;
  /** Issue the certificate from a fresh CA (put in the .p12 as its chain) instead of self-signing. */
  withCa?: boolean;
  /** Leave the private key out of the .p12 (a certificate-only file). */
  noKey?: boolean;
}

export interface OpensslIdentity {
  p12: Uint8Array;
  certPem: string;
  /** The issuing CA's certificate when `withCa`. */
  caPem?: string;
}

function openssl(args: string[], env: Record<string, string> = {}): void {
  const run = runTool('openssl', args, { env });
  if (run.status !== 0) throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${run.stderr}`);
}

const KEY_ARGS = { rsa: ['-newkey', 'rsa:2048'], ec: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], ed25519: ['-newkey', 'ed25519'] };

/** A .p12 made by the OpenSSL CLI, as a user would bring one (passphrase passed via the environment). */
export function opensslIdentity(options: OpensslIdentityOptions = {}): OpensslIdentity {
  const dir = makeTempDir('pledge-openssl-');
  const f = (name: string): string => join(dir, name);
  const key = options.key ?? 'rsa';
  const subject = options.subject ?? '/C=CN/O=杭州某某网店/CN=李四';
  const usage = ['-addext', `keyUsage=${options.keyUsage ?? 'critical,digitalSignature,nonRepudiation'}`];
  let caPem: string | undefined;
  if (options.withCa) {
    openssl(['req', '-x509', ...KEY_ARGS.rsa, '-nodes', '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '3650', '-utf8', '-subj', '/C=CN/O=测试根证书/CN=Pledge Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(['req', '-new', ...KEY_ARGS[key], '-nodes', '-keyout', f('leaf.key'), '-out', f('leaf.csr'), '-utf8', '-subj', subject]);
    openssl(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('leaf.crt'), '-days', '3650', '-extfile', writeExt(dir, options.keyUsage)]);
    caPem = readFileSync(f('ca.crt'), 'utf8');
  } else {
    openssl(['req', '-x509', ...KEY_ARGS[key], '-nodes', '-keyout', f('leaf.key'), '-out', f('leaf.crt'), '-days', '3650', '-utf8', '-subj', subject, ...usage]);
  }
  const encryption = options.encryption ?? 'default';
  const encArgs = encryption === '3des' ? ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'] : encryption === 'rc2' ? ['-legacy'] : [];
  openssl(
    [
      'pkcs12', '-export', ...(options.noKey ? ['-nokeys'] : ['-inkey', f('leaf.key')]), '-in', f('leaf.crt'),
      ...(caPem ? ['-certfile', f('ca.crt')] : []), ...encArgs, '-passout', 'env:P12_PASS', '-out', f('id.p12'),
    ],
    { P12_PASS: options.passphrase ?? 'secret' },
  );
  return { p12: new Uint8Array(readFileSync(f('id.p12'))), certPem: readFileSync(f('leaf.crt'), 'utf8'), ...(caPem ? { caPem } : {}) };
}

function writeExt(dir: string, keyUsage: string | undefined): string {
  const file = join(dir, 'leaf.ext');
  const text = `basicConstraints=critical,CA:FALSE\nkeyUsage=${keyUsage ?? 'critical,digitalSignature,nonRepudiation'}\n`;
  writeFileSync(file, text);
  return file;
}
