import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../electron/shared/api-error';
import { exitCodeFor } from '../../../../electron/host/cli/cli-io';
import { runCli } from '../../../../electron/host/cli/run-cli';
import { RESOURCES_DIR } from '../../../support/paths';

describe('exitCodeFor', () => {
  it('is 1 for failures of the machine or the program, 2 for everything the caller can fix', () => {
    const one = ERROR_CODES.filter((c) => exitCodeFor(c) === 1);
    expect(one.sort()).toEqual(['BACKUP_NOT_FOUND', 'DB_CORRUPT', 'DB_MISSING', 'DB_NEWER_VERSION', 'INTERNAL', 'MIGRATION_BACKUP_FAILED', 'STORAGE_UNAVAILABLE']);
    expect(exitCodeFor('USAGE')).toBe(2);
    // A damaged bundle, or a restore over a sound database: the caller can fix those.
    expect(exitCodeFor('BUNDLE_INVALID')).toBe(2);
    expect(exitCodeFor('DB_NOT_DAMAGED')).toBe(2);
    expect(exitCodeFor('INVALID_VALUE')).toBe(2);
  });
});

describe('runCli (in process, no data folder touched)', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { PLEDGE_DESK_HOME: '/nonexistent/never-created' }, cwd: '/' },
      { resourcesDir: RESOURCES_DIR, rendererDir: '/nonexistent' },
    );
    return { code, stdout, stderr };
  };

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: pledge');
    expect(r.stderr).toBe('');
  });

  it('no command prints the usage and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: pledge');
  });

  it.each([
    [['frobnicate'], /^error: USAGE: unknown command "frobnicate"/],
    [['template', 'list', '--bogus'], /^error: USAGE: /],
    [['--data-dir'], /^error: USAGE: /],
    [['fill', '--values', 'v.json', '--out', 'o.pdf'], /^error: USAGE: --template is required/],
    [['fill', '--template', 'ecommerce-service', '--values', 'v.json'], /^error: USAGE: --out is required/],
    [['template', 'show'], /^error: USAGE: /],
    [['serve', '--port', '70000'], /^error: USAGE: --port/],
  ])('%j → exit 2 with %s on stderr and nothing on stdout', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
