import { describe, expect, it } from 'vitest';
import type { ImportedTemplate } from '../../../electron/shared/dto';
import { allStored, bulkImportPlan, entriesOf, withImported } from '../../../renderer/import/import-entries';
import { MAX_IMPORT_BYTES, checkImportFile, sourceInput } from '../../../renderer/import/import-source';
import { sample } from './fixture';

const two = () => entriesOf([sample(), { ...sample(), id: 'sample-2' }]);

describe('bulkImportPlan', () => {
  it('imports the source in one go while nothing was edited', () => {
    expect(bulkImportPlan(two())).toEqual({ kind: 'import' });
  });

  it('saves the entries not stored yet once one was edited or saved, so an edit is never overwritten', () => {
    const [a, b] = two();
    expect(bulkImportPlan([{ ...a!, edited: true }, b!])).toEqual({ kind: 'save', indexes: [0, 1] });
    const saved = { ...a!, edited: true, stored: { version: 'v1', isNewVersion: true, fromEditor: true } };
    expect(bulkImportPlan([saved, b!])).toEqual({ kind: 'save', indexes: [1] });
  });
});

describe('withImported and allStored', () => {
  it('records the stored version of each entry from the host summary', () => {
    const summary: ImportedTemplate[] = [
      { id: 'sample', version: 'v1', title: 't', sectionCount: 2, fieldCount: 10, warnings: [], isNewVersion: true },
      { id: 'sample-2', version: 'v2', title: 't', sectionCount: 2, fieldCount: 10, warnings: [], isNewVersion: false },
    ];
    const entries = withImported(two(), summary);
    expect(entries.map((e) => e.stored)).toEqual([
      { version: 'v1', isNewVersion: true, fromEditor: false },
      { version: 'v2', isNewVersion: false, fromEditor: false },
    ]);
    expect(allStored(entries)).toBe(true);
    expect(allStored(withImported(two(), summary.slice(0, 1)))).toBe(false);
    expect(allStored([])).toBe(false);
  });
});

describe('import sources', () => {
  it('sends pasted text as text and a file by blob id with its name', () => {
    expect(sourceInput({ kind: 'text', text: '承诺书' })).toEqual({ text: '承诺书' });
    expect(sourceInput({ kind: 'file', fileName: 'a.docx', blobId: 'f'.repeat(64) })).toEqual({ blobId: 'f'.repeat(64), fileName: 'a.docx' });
  });

  it('refuses an empty or oversized file before uploading it, with the importer codes', () => {
    expect(checkImportFile({ name: 'a.txt', size: 0 })).toMatchObject({ ok: false, error: { code: 'IMPORT_EMPTY' } });
    expect(checkImportFile({ name: 'a.txt', size: MAX_IMPORT_BYTES + 1 })).toMatchObject({ ok: false, error: { code: 'IMPORT_TOO_LARGE' } });
    expect(checkImportFile({ name: 'a.txt', size: MAX_IMPORT_BYTES })).toEqual({ ok: true, value: null });
  });
});
