/**
 * The value of `--data-dir` on the command line (`--data-dir=/x` or `--data-dir /x`), or undefined.
 *
 * Electron passes its own arguments and Chromium switches through `process.argv` too, so this looks for the one
 * flag by name instead of parsing everything; the last occurrence wins, like most CLIs. An empty value or a
 * missing value (flag at the end, or followed by another flag) counts as absent.
 */
export function readDataDirFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    } else if (arg !== undefined && arg.startsWith('--data-dir=')) {
      const inline = arg.slice('--data-dir='.length);
      if (inline !== '') value = inline;
    }
  }
  return value === '' ? undefined : value;
}
