import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { readFontMetrics, type FontMetrics } from './font-metrics';
import { subsetFont } from './subset-font';

/** An embedded face with what the composer needs to measure and set text in it. */
export interface PledgeFont {
  /** The Type0 font dictionary. */
  ref: PDFRef;
  /** The PostScript name, e.g. "LXGWWenKai-Regular". */
  name: string;
  /** The code points the embedded subset can draw. */
  characters: ReadonlySet<number>;
  /** Advance width of `text` at `size`, in points (one glyph per character: the subset has no layout tables). */
  widthOf(text: string, size: number): number;
  /** `text` as glyph ids for a Tj operator (Identity-H: two bytes per glyph). */
  encode(text: string): PDFHexString;
}

/**
 * Embeds `font` (a TrueType-outline font) cut down by harfbuzz to exactly the characters of `text`, plus the
 * space, as a Type0 / CIDFontType2 font with Identity-H encoding, a ToUnicode map (so text extraction gives
 * the characters back) and the widths of every glyph. Characters the font lacks are simply not in the subset
 * (`characters`): the caller checks coverage with `checkGlyphs` before drawing.
 *
 * Why not pdf-lib's `embedFont`: its subsetter took 350–800 ms per pledge; embedding a harfbuzz subset
 * through it still parses the subset with fontkit, lays out every string with fontkit, and compresses the
 * font with pako (JavaScript deflate, 25–30 ms for a pledge's 230 KB subset against 5 ms for zlib). The font
 * objects are the handful a PDF needs (ISO 32000-1 §9.7), written here. The subset is named `TAG+Name` with a
 * tag derived from its characters, as PDF names subsets, so the same pledge gives the same font every time.
 */
export async function embedSubsetFont(doc: PDFDocument, font: Uint8Array, text: string): Promise<PledgeFont> {
  const codePoints = new Set<number>([0x20]);
  for (const char of text) codePoints.add(char.codePointAt(0) as number);
  const sorted = [...codePoints].sort((a, b) => a - b);
  const subset = await subsetFont(font, sorted);
  const metrics = readFontMetrics(subset);
  const name = postscriptName(subset) ?? 'PledgeFont';
  const ref = writeFontObjects(doc, subset, metrics, `${subsetTag(sorted, name)}+${name}`);
  const { unitsPerEm, glyphs, advances } = metrics;
  const units = new Map<string, number>();
  return {
    ref,
    name,
    characters: new Set(glyphs.keys()),
    widthOf(s, size) {
      let w = units.get(s);
      if (w === undefined) {
        w = 0;
        for (const char of s) w += advances[glyphs.get(char.codePointAt(0) as number) ?? 0] ?? 0;
        units.set(s, w);
      }
      return (w * size) / unitsPerEm;
    },
    encode(s) {
      let hex = '';
      for (const char of s) hex += (glyphs.get(char.codePointAt(0) as number) ?? 0).toString(16).padStart(4, '0');
      return PDFHexString.of(hex);
    },
  };
}

/** Writes the Type0 font, its CIDFontType2 descendant, descriptor, font file and ToUnicode map; returns the Type0 ref. */
function writeFontObjects(doc: PDFDocument, subset: Uint8Array, metrics: FontMetrics, baseFont: string): PDFRef {
  const { context } = doc;
  const view = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
  const scale = 1000 / metrics.unitsPerEm;
  const head = tableOffset(subset, 'head');
  const hhea = tableOffset(subset, 'hhea');
  const os2 = tableOffset(subset, 'OS/2');
  const bbox = [36, 38, 40, 42].map((o) => Math.round(view.getInt16(head + o) * scale));
  const ascent = Math.round(view.getInt16(hhea + 4) * scale);
  const descent = Math.round(view.getInt16(hhea + 6) * scale);
  const capHeight = os2 >= 0 && view.getUint16(os2) >= 2 ? Math.round(view.getInt16(os2 + 88) * scale) : ascent;
  const fontFile = context.register(context.stream(deflate(subset), { Filter: 'FlateDecode', Length1: subset.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      // Symbolic: the glyphs are addressed by CID, not through a standard Latin encoding.
      Flags: 4,
      FontBBox: bbox,
      ItalicAngle: 0,
      Ascent: ascent,
      Descent: descent,
      CapHeight: capHeight,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const widths = Array.from(metrics.advances, (w) => Math.round(w * scale));
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: [0, widths],
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = context.register(context.stream(deflate(new TextEncoder().encode(toUnicodeCMap(metrics.glyphs))), { Filter: 'FlateDecode' }));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: PDFName.of('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

/** The ToUnicode CMap (Adobe technical note #5411): each glyph id to its character, in UTF-16BE. */
function toUnicodeCMap(glyphs: Map<number, number>): string {
  const pairs = [...glyphs].map(([cp, gid]) => [gid, cp] as const).sort((a, b) => a[0] - b[0]);
  const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
  const utf16 = (cp: number): string =>
    cp < 0x10000 ? hex4(cp) : hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff));
  const blocks: string[] = [];
  // A glyph reached from two code points keeps the first (lowest); bfchar blocks hold at most 100 entries.
  const seen = new Set<number>();
  const unique = pairs.filter(([gid]) => !seen.has(gid) && seen.add(gid));
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([gid, cp]) => `<${hex4(gid)}> <${utf16(cp)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * zlib's deflate (native) rather than pako's: font files are most of a pledge's bytes, and compressing them
 * in JavaScript was a fifth of the time to compose one.
 */
function deflate(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateSync(bytes));
}

/** Six capital letters from an FNV-1a hash of the font name and the characters. */
function subsetTag(codePoints: number[], name: string): string {
  let h = 0x811c9dc5;
  const mix = (n: number): void => {
    h = Math.imul(h ^ n, 0x01000193) >>> 0;
  };
  for (const c of name) mix(c.charCodeAt(0));
  for (const cp of codePoints) mix(cp);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.imul(Math.floor(h / 26) ^ h, 0x01000193) >>> 0;
  }
  return tag;
}

/** Offset of a table in a TrueType font, or -1. */
function tableOffset(font: Uint8Array, tag: string): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + i * 16;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === tag) return view.getUint32(record + 8);
  }
  return -1;
}

/** The PostScript name (name id 6) from a TrueType font's `name` table, or null; only PDF-name-safe characters kept. */
export function postscriptName(font: Uint8Array): string | null {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const table = tableOffset(font, 'name');
  if (table < 0) return null;
  const count = view.getUint16(table + 2);
  const strings = table + view.getUint16(table + 4);
  for (let r = 0; r < count; r++) {
    const entry = table + 6 + r * 12;
    if (view.getUint16(entry + 6) !== 6) continue;
    const platform = view.getUint16(entry);
    const length = view.getUint16(entry + 8);
    const offset = strings + view.getUint16(entry + 10);
    let name = '';
    if (platform === 3 || platform === 0) for (let k = 0; k + 1 < length; k += 2) name += String.fromCharCode(view.getUint16(offset + k));
    else for (let k = 0; k < length; k++) name += String.fromCharCode(font[offset + k] as number);
    const safe = name.replace(/[^A-Za-z0-9-]/g, '');
    if (safe) return safe;
  }
  return null;
}
