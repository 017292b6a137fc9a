import { describe, expect, it } from 'vitest';
import type { PlacedBox } from '../../../../renderer/stamp/PlacementBox';
import { defaultBox, dropOnto, formatDate, looksLikePdf, placementsOf, todayIso, unplaced } from '../../../../renderer/stamp/stamp-model';

const A4 = { index: 0, mediaBox: { x: 0, y: 0, width: 595, height: 842 }, cropBox: { x: 0, y: 0, width: 595, height: 842 }, rotate: 0 as const, widthPt: 595, heightPt: 842 };
const A4_ROTATED = { ...A4, index: 1, rotate: 90 as const, widthPt: 842, heightPt: 595 };
const box = (over: Partial<PlacedBox>): PlacedBox => ({ id: 'b', what: 'signature', page: 0, box: { x: 0, y: 0, width: 60, height: 30 }, everyPage: false, ...over });

describe('placementsOf', () => {
  it('is undefined when nothing is placed, so that the host chooses', () => {
    expect(placementsOf([], [A4])).toBeUndefined();
  });

  it('counts pages from 1, says all for a box on every page, and converts with each page’s own scale', () => {
    const out = placementsOf(
      [box({ page: 1, box: { x: 600 - 60, y: 0, width: 60, height: 30 } }), box({ what: 'date', everyPage: true })],
      [A4, A4_ROTATED],
      600,
    );
    expect(out?.[0]?.page).toBe(2);
    expect(out?.[0]?.rect.x).toBeCloseTo(842 - (60 * 842) / 600, 6);
    expect(out?.[0]?.rect.y).toBeCloseTo(595 - (30 * 842) / 600, 6);
    expect(out?.[1]).toMatchObject({ page: 'all', what: 'date' });
  });
});

describe('stamp screen helpers', () => {
  it('centres a default box inside even a tiny page', () => {
    const tiny = { ...A4, widthPt: 50, heightPt: 20 };
    const b = defaultBox('seal', tiny, 600);
    expect(b.width).toBeLessThanOrEqual(600);
    expect(b.height).toBeLessThanOrEqual(240);
    expect(b.y).toBeGreaterThanOrEqual(0);
  });

  it('drops a box onto the page under its centre, kept inside that page', () => {
    const sheets = [
      { page: 0, rect: { left: 100, top: 0, width: 600, height: 848 } },
      { page: 1, rect: { left: 100, top: 900, width: 600, height: 424 } },
    ];
    expect(dropOnto({ left: 650, top: 1000, width: 100, height: 40 }, sheets)).toEqual({ page: 1, box: { x: 500, y: 100, width: 100, height: 40 } });
    expect(dropOnto({ left: 10, top: 860, width: 20, height: 20 }, sheets)).toBeNull();
  });

  it('lists given but unplaced items only once something is placed', () => {
    expect(unplaced([], { signature: true, seal: true, date: true })).toEqual([]);
    expect(unplaced([box({})], { signature: true, seal: false, date: true })).toEqual(['date']);
  });

  it('formats the date and knows today', () => {
    expect(formatDate('2026-11-28', 'zh')).toBe('2026年11月28日');
    expect(formatDate('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatDate('2026-11-28', 'iso')).toBe('2026-11-28');
    expect(todayIso(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });

  it('recognises a PDF header within the first 1,024 bytes only', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(looksLikePdf(enc('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(enc(`${' '.repeat(1000)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(enc(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(looksLikePdf(new Uint8Array(0))).toBe(false);
  });
});
