import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalizeResult, VerifyCodeResult, VerifyResult } from '../../../../electron/shared/dto';
import { copyMarkLine, formatPrintTime, markPrintedCopy } from '../../../../electron/core/pdf/mark-printed-copy';
import { subsetFont } from '../../../../electron/core/pdf/subset-font';
import { sha256Hex } from '../../../../electron/core/util/sha256-hex';
import { type ArchiveHost, archiveHost } from '../../../support/archive-host';
import { RESOURCES_DIR } from '../../../support/paths';
import { pdfInfo, pdfText } from '../../../support/pdf-text';
import { renderPageGray } from '../../../support/render-page';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';
import { ok } from '../../../support/test-host';

const FONT = new Uint8Array(readFileSync(join(RESOURCES_DIR, 'fonts', 'LXGWWenKai-Regular.ttf')));
const PRINTED_AT = new Date('2026-11-28T06:05:30.000Z');
const CST = 480;
/** The verification code printed in the footer: the document id and the first 12 hex of the content hash. */
const code = (r: FinalizeResult): string => `${r.id}-${r.contentHash.slice(0, 12)}`;

describe('formatPrintTime', () => {
  it('writes the local time to the minute, across a date line', () => {
    expect(formatPrintTime(PRINTED_AT, CST)).toBe('2026-11-28 14:05');
    expect(formatPrintTime(new Date('2026-12-31T16:30:00Z'), CST)).toBe('2027-01-01 00:30');
    expect(formatPrintTime(new Date('2026-03-01T02:00:00Z'), -300)).toBe('2026-02-28 21:00');
  });
});

describe('markPrintedCopy', () => {
  let dir: string;
  let archive: ArchiveHost;
  let signed: FinalizeResult;
  let original: Uint8Array;
  let copy: Uint8Array;

  beforeAll(async () => {
    dir = makeTempDir();
    archive = archiveHost(join(dir, 'data'));
    signed = await archive.sign();
    original = (archive.host.readBlob(signed.fileSha256) as { bytes: Uint8Array }).bytes;
    copy = await markPrintedCopy(original, { recordId: signed.id, contentHash: signed.contentHash, printedAt: PRINTED_AT, utcOffsetMinutes: CST, font: FONT });
    writeFileSync(join(dir, 'copy.pdf'), copy);
    writeFileSync(join(dir, 'original.pdf'), original);
  });
  afterAll(() => {
    archive.host.close();
    removeTempDirs();
  });

  it('puts 副本 and the print time with the record id on every page, and keeps the footer', () => {
    const pages = pdfText(join(dir, 'copy.pdf')).split('\f').filter((p) => p.trim() !== '');
    const originalPages = pdfText(join(dir, 'original.pdf')).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBe(originalPages.length);
    expect(pages.length).toBeGreaterThan(1);
    const line = copyMarkLine(signed.id, PRINTED_AT, CST);
    expect(line).toBe(`打印于 2026-11-28 14:05（记录 ${signed.id}）`);
    for (const page of pages) {
      expect(page).toContain('副本');
      expect(page.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
      // The trace line under the page number (document id and verification code) is still there.
      expect(page).toContain(`校验码 ${code(signed)}`);
    }
    for (const page of originalPages) expect(page).not.toContain('副本');
  });

  it('leaves the archived file and its hash as they were', () => {
    expect(sha256Hex(original)).toBe(signed.fileSha256);
    const again = (archive.host.readBlob(signed.fileSha256) as { bytes: Uint8Array }).bytes;
    expect(sha256Hex(again)).toBe(signed.fileSha256);
    expect(sha256Hex(copy)).not.toBe(signed.fileSha256);
  });

  it('keeps the page size and names the record in the metadata', () => {
    const info = pdfInfo(join(dir, 'copy.pdf'));
    expect(info['Page size']).toBe(pdfInfo(join(dir, 'original.pdf'))['Page size']);
    expect(info.Subject).toContain(signed.id);
    expect(info.Keywords).toContain('副本');
    expect(info.Keywords).toContain(`contentHash:${signed.contentHash}`);
  });

  it('draws the mark in the top margin, away from the text and the footer', () => {
    const original1 = renderPageGray(join(dir, 'original.pdf'), 1, 30, { ghostscript: false });
    const copy1 = renderPageGray(join(dir, 'copy.pdf'), 1, 30, { ghostscript: false });
    if (!original1 || !copy1) throw new Error('pdftoppm could not render the page');
    const changedRows = new Set<number>();
    for (let i = 0; i < copy1.pixels.length; i++) {
      if (Math.abs((copy1.pixels[i] as number) - (original1.pixels[i] as number)) > 40) changedRows.add(Math.floor(i / copy1.width));
    }
    expect(changedRows.size).toBeGreaterThan(0);
    // Everything that changed lies in the top 12% of the page (the 37 mm margin is 12.5% of A4's height).
    expect(Math.max(...changedRows) / copy1.height).toBeLessThan(0.12);
  });

  it('is reported by archive.verify as a modified copy of its record, and its verification code still checks', async () => {
    const { blobId } = ok<{ blobId: string }>(await archive.host.putBlob(copy));
    const verdict = ok<VerifyResult>(await archive.host.dispatch('archive.verify', { blobId }));
    expect(verdict.verdict).toBe('modified-copy');
    expect(verdict.recordId).toBe(signed.id);
    expect(verdict.contentHashMatches).toBe(true);
    const checked = ok<VerifyCodeResult>(await archive.host.dispatch('archive.verifyCode', { code: code(signed) }));
    expect(checked.verdict).toBe('match');
  });

  it('refuses a font that cannot draw the mark, naming the missing characters', async () => {
    // The body font cut down to ASCII: it has the digits and the record id, not 副本 or 打印于.
    const ascii = await subsetFont(FONT, Array.from({ length: 95 }, (_, i) => 0x20 + i));
    const marking = markPrintedCopy(original, { recordId: signed.id, contentHash: signed.contentHash, printedAt: PRINTED_AT, utcOffsetMinutes: CST, font: ascii });
    await expect(marking).rejects.toMatchObject({ code: 'FONT_MISSING_GLYPHS' });
    await expect(marking).rejects.toThrow(/副.*本/);
  });
});
