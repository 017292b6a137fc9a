import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The text of a PDF file as poppler extracts it (`pdftotext -enc UTF-8 file -`); pages end with \f. */
export function pdfText(file: string): string {
  const result = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

/** `pdfinfo` as a key → value map (Title, Author, Pages, Page size, …). */
export function pdfInfo(file: string): Record<string, string> {
  const result = run('pdfinfo', ['-enc', 'UTF-8', file]);
  if (result.status !== 0) throw new Error(`pdfinfo failed: ${result.stderr}`);
  const info: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1] as string] = m[2] as string;
  }
  return info;
}

/** `qpdf --check`: exit status 0 means the file's structure and streams are sound. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const result = run('qpdf', ['--check', file]);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}
