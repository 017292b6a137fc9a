import { describe, expect, it } from 'vitest';
import { readDataDirFlag } from '../../../electron/shell/read-data-dir-flag';

describe('readDataDirFlag', () => {
  it.each([
    [['electron', '.', '--data-dir', '/tmp/a'], '/tmp/a'],
    [['electron', '.', '--data-dir=/tmp/b'], '/tmp/b'],
    [['app', '--data-dir=/tmp/c', '--data-dir', '/tmp/d'], '/tmp/d'],
    [['app', '--data-dir=C:\\Users\\x\\Pledge'], 'C:\\Users\\x\\Pledge'],
    [['app', '--data-dir=/with space/dir'], '/with space/dir'],
  ])('%j → %s', (argv, expected) => {
    expect(readDataDirFlag(argv)).toBe(expected);
  });

  it.each([
    [['electron', '.']],
    [['electron', '.', '--data-dir']],
    [['electron', '.', '--data-dir', '--inspect']],
    [['electron', '.', '--data-dir=']],
    [['electron', '.', '--data-directory=/x']],
  ])('%j → undefined', (argv) => {
    expect(readDataDirFlag(argv)).toBeUndefined();
  });
});
