import { CoreError } from '../errors';

/** One face and the text the composer will set in it. */
export interface GlyphCheck {
  /** How the face is named to the user, e.g. "LXGWWenKai-Regular（正文字体）". */
  face: string;
  /** The code points the face can draw. */
  characters: ReadonlySet<number>;
  text: string;
}

/**
 * The characters of `text` that `font` has no glyph for, each once, in order of first use. Whitespace and
 * control characters are never drawn as glyphs and are not checked.
 */
export function missingGlyphs(characters: ReadonlySet<number>, text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x20 || /\s/u.test(char)) continue;
    if (!characters.has(cp)) missing.add(char);
  }
  return [...missing];
}

/**
 * pdf-lib draws a missing glyph as .notdef (blank or a box) without complaint: refuse instead, naming for
 * each face the characters it lacks (up to 20 each), so the user can replace them.
 */
export function checkGlyphs(checks: GlyphCheck[]): void {
  const problems: string[] = [];
  for (const { face, characters, text } of checks) {
    const missing = missingGlyphs(characters, text);
    if (missing.length === 0) continue;
    const shown = missing.slice(0, 20).map((c) => `${c} (U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`);
    problems.push(`${face} lacks ${shown.join(' ')}${missing.length > 20 ? ` and ${missing.length - 20} more` : ''}`);
  }
  if (problems.length > 0) throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw: ${problems.join('; ')}`);
}
