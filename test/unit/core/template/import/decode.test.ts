import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../../../../electron/core/errors';
import { MAX_IMPORT_BYTES, decodeDocument } from '../../../../../electron/core/template/import/decode-document';
import { importPledges } from '../../../../../electron/core/template/import/import-pledges';
import { crc32, makeDocx, makeZip } from '../../../../support/make-docx';
import { makeSignaturePng } from '../../../../support/make-png';
import { REPO_ROOT } from '../../../../support/paths';
import { makeTempDir, removeTempDirs } from '../../../../support/temp-dir';
import { invariantViolations } from './template-checks';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'import');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const UTF8_TEXT = readFileSync(join(FIXTURES, 'encoding-utf8.txt'), 'utf8');
const UTF8_LINES = UTF8_TEXT.trim().split('\n');

afterAll(removeTempDirs);

/** The whole import of a file: decode, then parse. */
async function importFile(bytes: Uint8Array, name: string): Promise<ReturnType<typeof importPledges>> {
  return importPledges((await decodeDocument(bytes, name)).text);
}

/** Resolves to the CoreError code `promise` rejects with; fails the test on success or on any other error. */
async function coreErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return (error as CoreError).code;
  }
  throw new Error('expected a CoreError, but the import succeeded');
}

describe('text encodings', () => {
  it.each([
    ['gbk.txt', 'GBK'],
    ['utf16le-bom.txt', 'UTF-16 LE with BOM'],
    ['utf16be-bom.txt', 'UTF-16 BE with BOM'],
  ])('%s (%s) decodes to the same text and template as the UTF-8 file', async (name) => {
    const reference = await decodeDocument(bytesOf('encoding-utf8.txt'), 'encoding-utf8.txt');
    expect(reference).toEqual({ text: UTF8_TEXT, format: 'txt' });
    const decoded = await decodeDocument(bytesOf(name), name);
    expect(decoded).toEqual(reference);
    expect(importPledges(decoded.text)).toEqual(importPledges(reference.text));
  });

  it('the fixtures really are in those encodings', () => {
    expect([...bytesOf('utf16le-bom.txt').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...bytesOf('utf16be-bom.txt').subarray(0, 2)]).toEqual([0xfe, 0xff]);
    const gbk = bytesOf('gbk.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(new TextDecoder('gbk').decode(gbk)).toBe(UTF8_TEXT);
  });

  it('a UTF-8 BOM is dropped', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('encoding-utf8.txt')]);
    expect((await decodeDocument(withBom, 'x.txt')).text).toBe(UTF8_TEXT);
  });

  it('full-width digits and underscores are normalised or read as blanks', () => {
    const [t] = importPledges(UTF8_TEXT);
    expect(t?.sections[3]?.text).toBe('顾客投诉在24小时内答复。');
    expect(t?.fields.map((f) => [f.kind, f.unit])).toEqual([
      ['blank', '次'],
      ['blank', '人'],
      ['signature', undefined],
      ['date', undefined],
    ]);
  });
});

describe('Word documents', () => {
  it('the store-only ZIP writer produces archives that unzip verifies', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const zip = makeZip([{ name: 'a.txt', data: 'hello' }]);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) return;
    const file = join(makeTempDir(), 'pledge.docx');
    writeFileSync(file, makeDocx(['测试承诺书', ['本人', '承诺']]));
    const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(listing).toMatch(/No errors detected/);
    expect(listing).toContain('word/document.xml');
  });

  it('a .docx built in memory decodes to its paragraphs and imports like the text file', async () => {
    const paragraphs = UTF8_LINES.map((line, i) => (i === 2 ? [line.slice(0, 5), line.slice(5, 9), line.slice(9)] : line));
    const docx = makeDocx(paragraphs);
    const { text, format } = await decodeDocument(docx, '承诺书.docx');
    expect(format).toBe('docx');
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual(UTF8_LINES);
    const fromDocx = importPledges(text);
    const fromText = importPledges(UTF8_TEXT);
    expect(fromDocx.map((t) => t.version)).toEqual(fromText.map((t) => t.version));
    expect(invariantViolations(fromDocx[0] as never)).toEqual([]);
  });

  it('a .docx is recognised by its content whatever its name', async () => {
    const docx = makeDocx(['测试承诺书', '本人承诺遵守规定。']);
    for (const name of ['x.txt', 'x', 'x.doc']) expect((await decodeDocument(docx, name)).format).toBe('docx');
  });

  it('markup characters in a .docx are text, not markup', async () => {
    const { text } = await decodeDocument(makeDocx(['遵守<<消防法>>和“安全 & 卫生”规定。']), 'x.docx');
    expect(text.trim()).toBe('遵守<<消防法>>和“安全 & 卫生”规定。');
  });

  it('a legacy .doc (Word 97, converted by LibreOffice) decodes to the same template as the text file', async () => {
    const { text, format } = await decodeDocument(bytesOf('word97.doc'), 'word97.doc');
    expect(format).toBe('doc');
    expect(text.split('\n').map((l) => l.trim()).filter((l) => l !== '')).toEqual(UTF8_LINES);
    expect(importPledges(text).map((t) => t.version)).toEqual(importPledges(UTF8_TEXT).map((t) => t.version));
  });

  it('the committed .doc fixture is an OLE compound file', () => {
    expect(Buffer.from(bytesOf('word97.doc').subarray(0, 8)).toString('hex')).toBe('d0cf11e0a1b11ae1');
  });
});

describe('HTML and Markdown by name or by content', () => {
  it('an .html file and an HTML paste with another name both decode as HTML', async () => {
    const html = bytesOf('page.html');
    expect((await decodeDocument(html, 'page.html')).format).toBe('html');
    expect((await decodeDocument(html, 'paste')).format).toBe('html');
    expect((await decodeDocument(html, 'page.html')).text).not.toMatch(/<[a-z]|&nbsp;|_hmt/);
  });

  it('an .md file keeps its text and says it is Markdown', async () => {
    const md = await decodeDocument(bytesOf('markdown.md'), 'markdown.md');
    expect(md.format).toBe('md');
    expect(md.text).toBe(readFileSync(join(FIXTURES, 'markdown.md'), 'utf8'));
  });
});

describe('bad input: a clear CoreError, never a crash', () => {
  it('an empty file → IMPORT_EMPTY', async () => {
    expect(await coreErrorCode(importFile(bytesOf('empty.txt'), 'empty.txt'))).toBe('IMPORT_EMPTY');
    expect(await coreErrorCode(importFile(new Uint8Array(0), 'x.docx'))).toBe('IMPORT_EMPTY');
  });

  it('white space only, or text without any Chinese → IMPORT_EMPTY', async () => {
    expect(await coreErrorCode(importFile(bytesOf('whitespace.txt'), 'whitespace.txt'))).toBe('IMPORT_EMPTY');
    expect(await coreErrorCode(importFile(new TextEncoder().encode('\uFEFF\r\n\u3000\u200b\n'), 'x.txt'))).toBe('IMPORT_EMPTY');
    expect(await coreErrorCode(importFile(new TextEncoder().encode('hello world 12345\n---\n'), 'x.txt'))).toBe('IMPORT_EMPTY');
    expect(() => importPledges('')).toThrow(CoreError);
  });

  it('binary files → IMPORT_UNSUPPORTED', async () => {
    expect(await coreErrorCode(importFile(bytesOf('binary.bin'), 'binary.bin'))).toBe('IMPORT_UNSUPPORTED');
    expect(await coreErrorCode(importFile(bytesOf('binary.bin'), 'pledge.txt'))).toBe('IMPORT_UNSUPPORTED');
    expect(await coreErrorCode(importFile(makeSignaturePng(), 'scan.png'))).toBe('IMPORT_UNSUPPORTED');
  });

  it('a PDF → IMPORT_UNSUPPORTED, whatever its name', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    expect(await coreErrorCode(importFile(pdf, 'pledge.pdf'))).toBe('IMPORT_UNSUPPORTED');
    expect(await coreErrorCode(importFile(pdf, 'pledge.txt'))).toBe('IMPORT_UNSUPPORTED');
  });

  it('a .docx or .doc name on bytes that are not a Word document → IMPORT_DAMAGED', async () => {
    const text = new TextEncoder().encode('承诺书\n本人承诺。\n');
    expect(await coreErrorCode(importFile(text, 'pledge.docx'))).toBe('IMPORT_DAMAGED');
    expect(await coreErrorCode(importFile(text, 'pledge.DOC'))).toBe('IMPORT_DAMAGED');
    expect(await coreErrorCode(importFile(bytesOf('binary.bin'), 'pledge.docx'))).toBe('IMPORT_DAMAGED');
  });

  it('a ZIP that is not a .docx, a truncated .docx and a broken .doc → IMPORT_DAMAGED', async () => {
    expect(await coreErrorCode(importFile(makeZip([{ name: 'a.txt', data: '承诺书' }]), 'a.docx'))).toBe('IMPORT_DAMAGED');
    const docx = makeDocx(['测试承诺书', '本人承诺遵守规定。']);
    expect(await coreErrorCode(importFile(docx.subarray(0, Math.floor(docx.length / 2)), 'cut.docx'))).toBe('IMPORT_DAMAGED');
    const doc = bytesOf('word97.doc');
    const broken = new Uint8Array(doc.length);
    broken.set(doc.subarray(0, 8));
    expect(await coreErrorCode(importFile(broken, 'broken.doc'))).toBe('IMPORT_DAMAGED');
  });

  it('more than 20 MB → IMPORT_TOO_LARGE, before any parsing; exactly 20 MB is read', async () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    const started = performance.now();
    expect(await coreErrorCode(decodeDocument(big, 'big.txt'))).toBe('IMPORT_TOO_LARGE');
    expect(await coreErrorCode(decodeDocument(big, 'big.docx'))).toBe('IMPORT_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await decodeDocument(big.subarray(0, MAX_IMPORT_BYTES), 'big.txt')).text).toHaveLength(MAX_IMPORT_BYTES);
  });
});

describe('the fixtures are what they claim (guards against an editor re-saving them)', () => {
  it('empty.txt is 0 bytes, binary.bin has NULs, gbk.txt matches iconv', () => {
    expect(bytesOf('empty.txt')).toHaveLength(0);
    expect(bytesOf('binary.bin').includes(0)).toBe(true);
    let iconv: Buffer | null = null;
    try {
      iconv = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', join(FIXTURES, 'encoding-utf8.txt')]);
    } catch {
      // iconv missing: the decoding tests above still check the file.
    }
    if (iconv) expect(Buffer.from(bytesOf('gbk.txt')).equals(iconv)).toBe(true);
  });
});
