import path from 'node:path';

/** The extensions the app registers (electron-builder.yml `fileAssociations`). */
const OPENABLE = /\.(pdf|pledgebundle)$/i;

/**
 * The files on a command line that the operating system passed to open (a double-click, "Open with", or a
 * second launch forwarding its argv), as absolute paths resolved against `cwd`.
 *
 * Electron's argv also carries the executable, in development the app folder, and Chromium switches, so
 * this keeps only arguments that name a registered extension and are not flags; the value after
 * `--data-dir` is skipped even when it happens to end in `.pdf`.
 */
export function openedFileArgs(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      i += 1;
      continue;
    }
    if (arg.startsWith('-') || !OPENABLE.test(arg)) continue;
    files.push(path.resolve(cwd, arg));
  }
  return files;
}
