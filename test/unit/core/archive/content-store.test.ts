import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../../../../electron/core/archive/content-store';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';

afterAll(removeTempDirs);

describe('ContentStore', () => {
  it('reads back what it stored, by SHA-256', () => {
    const store = new ContentStore(join(makeTempDir('pledge-store-'), 'blobs'), '');
    const sha = store.put(new Uint8Array([1, 2, 3]));
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect([...(store.get(sha) ?? [])]).toEqual([1, 2, 3]);
    expect(store.has(sha)).toBe(true);
  });

  it('never reads a file outside its folder, whatever the id (path traversal on the file routes)', () => {
    const root = makeTempDir('pledge-store-');
    writeFileSync(join(root, 'pledge-desk.db'), 'SECRET DATABASE');
    writeFileSync(join(root, 'pledge-desk.db.pdf'), 'SECRET PDF');
    mkdirSync(join(root, 'blobs', 'sub'), { recursive: true });
    writeFileSync(join(root, 'blobs', 'sub', 'x'), 'not content-addressed');
    const blobs = new ContentStore(join(root, 'blobs'), '');
    const pdfs = new ContentStore(join(root, 'archive'), '.pdf');
    for (const id of ['../pledge-desk.db', '..\\pledge-desk.db', 'sub/x', `../${'a'.repeat(61)}`, `${'A'.repeat(64)}`, '']) {
      expect(blobs.get(id), id).toBeNull();
      expect(pdfs.get(id), id).toBeNull();
      expect(blobs.has(id), id).toBe(false);
    }
  });
});
