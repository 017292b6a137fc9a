import { describe, expect, it } from 'vitest';
import { openedFileArgs } from '../../../electron/shell/opened-file-args';

describe('openedFileArgs', () => {
  it('keeps PDFs and bundles, resolved against the launch folder', () => {
    expect(openedFileArgs(['/opt/app/pledge-desk', 'a.pdf', 'sub/b.pledgebundle', '/abs/C.PDF'], '/home/u')).toEqual([
      '/home/u/a.pdf',
      '/home/u/sub/b.pledgebundle',
      '/abs/C.PDF',
    ]);
  });

  it('ignores the executable, the app folder, Chromium switches and other files', () => {
    expect(openedFileArgs(['/usr/bin/electron', '.', '--no-sandbox', '--flag=x.pdf', 'readme.txt', 'pdf'], '/w')).toEqual([]);
  });

  it('never takes the --data-dir value for a file, even when it ends in .pdf', () => {
    expect(openedFileArgs(['--data-dir', '/data/odd.pdf', 'real.pdf'], '/w')).toEqual(['/w/real.pdf']);
  });
});
