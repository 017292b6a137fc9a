/**
 * What the composer needs from a TrueType font to set text: the glyph of each character (cmap) and the
 * glyph's advance width (hmtx), in units of `unitsPerEm`. Read straight from the font's tables: fontkit's
 * layout engine, which pdf-lib calls for every measurement and every drawn string, was the largest single
 * cost of composing a pledge, and after subsetting (no GSUB/GPOS, see subset-font.ts) one character is one
 * glyph, so nothing of the layout engine is needed.
 */
export interface FontMetrics {
  unitsPerEm: number;
  /** Code point → glyph id, for every character the font maps. */
  glyphs: Map<number, number>;
  /** Advance width of each glyph id, in font units. */
  advances: Uint16Array;
}

/** Reads `head`, `hhea`, `hmtx` and `cmap` (formats 4 and 12) of a TrueType font. Throws on a font without them. */
export function readFontMetrics(font: Uint8Array): FontMetrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    tables.set(String.fromCharCode(...font.subarray(record, record + 4)), view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`the font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const longMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(numGlyphs);
  let last = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (g < longMetrics) last = view.getUint16(hmtx + g * 4);
    advances[g] = last;
  }
  return { unitsPerEm, glyphs: readCmap(view, table('cmap')), advances };
}

function readCmap(view: DataView, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = view.getUint16(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) format12 = offset;
    if (format === 4) format4 = offset;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let cp = start; cp <= end; cp++) glyphs.set(cp, glyph + cp - start);
    }
    return glyphs;
  }
  if (format4 < 0) throw new Error('the font has no Unicode cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = ranges + s * 2;
    const range = view.getUint16(rangeAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (range === 0) glyph = (cp + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeAt + range + (cp - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(cp, glyph);
    }
  }
  return glyphs;
}
