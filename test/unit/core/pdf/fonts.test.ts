import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkGlyphs, missingGlyphs } from '../../../../electron/core/pdf/check-glyphs';
import { composePledgePdf } from '../../../../electron/core/pdf/compose-pledge-pdf';
import { embedSubsetFont, postscriptName } from '../../../../electron/core/pdf/embed-subset-font';
import { readFontMetrics } from '../../../../electron/core/pdf/font-metrics';
import { subsetFont } from '../../../../electron/core/pdf/subset-font';
import { CoreError } from '../../../../electron/core/errors';
import { fontBytes, goldenInput, GOLDEN_TEMPLATE } from '../../../fixtures/golden/golden-pledge';

/** The PostScript names of the Type0 fonts in a PDF, without their subset tags, sorted. */
async function fontNames(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    names.push(String(object.get(PDFName.of('BaseFont'))).replace(/^\/[A-Z]{6}\+/, ''));
  }
  return names.sort();
}

const SAMPLE = '承诺书电商平台服务保障（一）、。，；：“”《》％%0123456789ABCxyz 王喆镕赟堃𠮷';
const codePoints = (text: string): number[] => [...new Set([...text].map((c) => c.codePointAt(0) as number))];

describe.each(['body', 'heading'] as const)('the shipped %s font', (face) => {
  it('is a TrueType-outline font (glyf, not CFF) that harfbuzz subsets to exactly the characters asked for', async () => {
    const full = fontBytes(face);
    const parsed = fontkit.create(full as Buffer);
    const { tables } = (parsed as unknown as { directory: { tables: Record<string, unknown> } }).directory;
    expect(tables.glyf, 'glyf table').toBeDefined();
    expect(tables['CFF '], 'no CFF table').toBeUndefined();

    const subset = await subsetFont(full, codePoints(SAMPLE));
    expect(subset.length).toBeLessThan(full.length / 20);
    const { glyphs } = readFontMetrics(subset);
    const expected = codePoints(SAMPLE).filter((cp) => parsed.hasGlyphForCodePoint(cp));
    expect([...glyphs.keys()].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('keeps every advance width through subsetting (read from hmtx, checked against fontkit on the full font)', async () => {
    const full = fontBytes(face);
    const parsed = fontkit.create(full as Buffer);
    const { unitsPerEm, glyphs, advances } = readFontMetrics(await subsetFont(full, codePoints(SAMPLE)));
    expect(unitsPerEm).toBe(parsed.unitsPerEm);
    for (const [cp, gid] of glyphs) expect(advances[gid], String.fromCodePoint(cp)).toBe(parsed.glyphForCodePoint(cp).advanceWidth);
  });

  it('gives the same subset bytes every time (the parsed face is cached between documents)', async () => {
    const a = await subsetFont(fontBytes(face), codePoints(SAMPLE));
    const b = await subsetFont(fontBytes(face), codePoints(SAMPLE));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('harfbuzz face cache (its WebAssembly memory is fixed at 65 MB)', () => {
  it('shares one parsed face between separate copies of the same font, as separate hosts read them', async () => {
    for (let i = 0; i < 8; i++) {
      await expect(subsetFont(fontBytes('body').slice(), codePoints(SAMPLE))).resolves.toBeInstanceOf(Uint8Array);
      await expect(subsetFont(fontBytes('heading').slice(), codePoints(SAMPLE))).resolves.toBeInstanceOf(Uint8Array);
    }
  });

  it('evicts the least recently used face to make room for other fonts', async () => {
    // Five "different" 15.7 MB fonts (one table checksum changed each; harfbuzz does not check them) cannot all stay.
    for (let i = 0; i < 5; i++) {
      const copy = fontBytes('body').slice();
      copy[12 + 4] = (copy[12 + 4] as number) ^ (i + 1);
      const subset = await subsetFont(copy, codePoints(SAMPLE));
      expect(readFontMetrics(subset).glyphs.size).toBeGreaterThan(40);
    }
    await expect(subsetFont(fontBytes('heading'), codePoints(SAMPLE))).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe('embedSubsetFont', () => {
  it('names the subset TAG+PostScriptName and measures text in points', async () => {
    const doc = await PDFDocument.create();
    const font = await embedSubsetFont(doc, fontBytes('body'), '承诺书 Pledge');
    expect(font.name).toBe('LXGWWenKai-Regular');
    expect(postscriptName(fontBytes('heading'))).toBe('WenQuanYiMicroHei');
    expect(font.widthOf('承诺书', 16)).toBeCloseTo(48, 0);
    expect(font.encode('承诺').asString()).toMatch(/^[0-9a-f]{8}$/);
    expect(font.characters.has('承'.codePointAt(0) as number)).toBe(true);
    expect(font.characters.has('喆'.codePointAt(0) as number)).toBe(false);
    const fontDict = doc.context.lookup(font.ref);
    expect(String(fontDict)).toMatch(/\/BaseFont \/[A-Z]{6}\+LXGWWenKai-Regular/);
    expect(String(fontDict)).toContain('/Encoding /Identity-H');
  });
});

describe('glyph coverage check, per face', () => {
  it('lists the missing characters once each, in order, ignoring whitespace', () => {
    expect(missingGlyphs(new Set(codePoints('承诺')), '承诺 书\n𠀀书\t承')).toEqual(['书', '𠀀']);
  });

  it('names each face and the characters it lacks, with their code points', () => {
    const run = (): void =>
      checkGlyphs([
        { face: 'LXGWWenKai-Regular（正文字体）', characters: new Set(codePoints('承诺')), text: '承诺书' },
        { face: 'WenQuanYiMicroHei（标题字体）', characters: new Set(codePoints('一、')), text: '一、总则' },
      ]);
    expect(run).toThrow(CoreError);
    expect(run).toThrow('LXGWWenKai-Regular（正文字体） lacks 书 (U+4E66); WenQuanYiMicroHei（标题字体） lacks 总 (U+603B) 则 (U+5219)');
  });

  it('refuses to compose a pledge whose heading uses a character the Hei face lacks (𠮷), though the body face has it', async () => {
    const template = { ...GOLDEN_TEMPLATE, sections: GOLDEN_TEMPLATE.sections.map((s, i) => (i === 0 ? { ...s, heading: `${s.heading}𠮷` } : s)) };
    const error = await composePledgePdf(goldenInput({ template })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('FONT_MISSING_GLYPHS');
    expect((error as CoreError).message).toContain('WenQuanYiMicroHei（标题字体） lacks 𠮷 (U+20BB7)');
    expect((error as CoreError).message).not.toContain('LXGW');
    // The same character in the body (a signer's name) is drawn by LXGW WenKai.
    await expect(composePledgePdf(goldenInput({ signer: { type: '个人', name: '𠮷祥' } }))).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses a character neither face has (U+20000 𠀀), naming the body face', async () => {
    const error = await composePledgePdf(goldenInput({ signer: { type: '个人', name: '张𠀀' } })).catch((e: unknown) => e);
    expect((error as CoreError).code).toBe('FONT_MISSING_GLYPHS');
    expect((error as CoreError).message).toMatch(/LXGWWenKai-Regular（正文字体） lacks 𠀀 \(U\+20000\)$/);
  });

  it('sets headings in the body face when no heading font is given', async () => {
    const template = { ...GOLDEN_TEMPLATE, sections: GOLDEN_TEMPLATE.sections.map((s, i) => (i === 0 ? { ...s, heading: `${s.heading}𠮷` } : s)) };
    const input = goldenInput({ template });
    delete input.headingFont;
    expect(await fontNames(await composePledgePdf(input))).toEqual(['LXGWWenKai-Regular']);
    expect(await fontNames(await composePledgePdf(goldenInput()))).toEqual(['LXGWWenKai-Regular', 'WenQuanYiMicroHei']);
  });
});
