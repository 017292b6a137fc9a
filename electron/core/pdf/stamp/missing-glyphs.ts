import type { PDFFont } from '@cantoo/pdf-lib';

const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * The distinct characters of `text` that `font` has no glyph for (pdf-lib would draw them as .notdef without
 * complaint). White space and control characters are ignored.
 */
export function missingGlyphs(font: PDFFont, text: string): string[] {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  const missing = new Set<string>();
  for (const char of text) {
    if (/[\s\p{Cc}]/u.test(char)) continue;
    if (!set.has(char.codePointAt(0) as number)) missing.add(char);
  }
  return [...missing];
}
