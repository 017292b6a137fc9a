import type { PDFName, PDFPage, PDFRef } from 'pdf-lib';
import { beginText, endText, popGraphicsState, pushGraphicsState, setCharacterSpacing, setFillingGrayscaleColor, setFontAndSize, setTextMatrix, showText as tj } from 'pdf-lib';
import type { PledgeFont } from './embed-subset-font';

const fontKeys = new WeakMap<PDFPage, Map<PDFRef, PDFName>>();

/** The page's resource name for `font`, added to the page's font resources on first use. */
function fontKey(page: PDFPage, font: PledgeFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font.ref);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font.ref, key);
  }
  return key;
}

/**
 * Sets `text` with its baseline starting at (x, y) as one text object (BT … ET), with `tracking` points of
 * character spacing (PDF `Tc`) after every glyph, in black or in the given gray. This is pdf-lib's
 * `drawText` without its per-call layout pass (see font-metrics.ts).
 */
export function showText(page: PDFPage, font: PledgeFont, text: string, x: number, y: number, size: number, tracking = 0, gray = 0): void {
  page.pushOperators(
    ...(gray !== 0 ? [pushGraphicsState(), setFillingGrayscaleColor(gray)] : []),
    beginText(),
    setFontAndSize(fontKey(page, font), size),
    ...(tracking !== 0 ? [setCharacterSpacing(tracking)] : []),
    setTextMatrix(1, 0, 0, 1, x, y),
    tj(font.encode(text)),
    endText(),
    ...(gray !== 0 ? [popGraphicsState()] : []),
  );
}
