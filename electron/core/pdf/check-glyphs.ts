import type { PDFFont } from 'pdf-lib';
import { CoreError } from '../errors';

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** pdf-lib draws a missing glyph as .notdef without complaint: refuse instead, naming the characters. */
export function checkGlyphs(font: PDFFont, text: string): void {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x20 || /\s/.test(char)) continue;
    if (!set.has(cp)) missing.add(char);
  }
  if (missing.size > 0) {
    throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw: ${[...missing].slice(0, 20).join(' ')}`);
  }
}
