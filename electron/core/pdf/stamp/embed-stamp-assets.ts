import * as fontkit from '@cantoo/fontkit';
import type { PDFDocument, PDFImage } from '@cantoo/pdf-lib';
import { CoreError } from '../../errors';
import { sniffImage } from '../image-bytes';
import { missingGlyphs } from './missing-glyphs';
import type { StampAssets } from './plan-placements';
import type { StampOptions } from './stamp-options';

async function embedImage(doc: PDFDocument, bytes: Uint8Array, field: string): Promise<PDFImage> {
  try {
    return sniffImage(bytes) === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch (error) {
    throw new CoreError('INVALID_IMAGE', `${field} cannot be decoded (${error instanceof Error ? error.message : String(error)})`, field);
  }
}

/**
 * Embeds the signature and seal images once (every page that shows them refers to the same XObject) and,
 * when a date is stamped or a text field filled with non-ASCII text, the font as a subset of the characters
 * used. `@cantoo/fontkit` parses the 15.7 MB LXGW WenKai lazily, so this costs milliseconds.
 *
 * @throws CoreError INVALID_IMAGE for an image pdf-lib cannot decode; FONT_MISSING_GLYPHS for date characters
 *   the font lacks (pdf-lib would draw them as blanks without complaint).
 */
export async function embedStampAssets(doc: PDFDocument, options: StampOptions, dateText: string | undefined): Promise<StampAssets> {
  doc.registerFontkit(fontkit);
  const needsFont = dateText !== undefined || Object.values(options.fillForm ?? {}).some((v) => /[^\x20-\x7e]/.test(v));
  const font = needsFont && options.font ? await doc.embedFont(options.font, { subset: true }) : undefined;
  if (font && dateText !== undefined) {
    const missing = missingGlyphs(font, dateText);
    if (missing.length > 0) throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw: ${missing.join(' ')}`, 'font');
  }
  return {
    signature: await embedImage(doc, options.signature, 'signature'),
    ...(options.seal ? { seal: await embedImage(doc, options.seal, 'seal') } : {}),
    ...(font ? { font } : {}),
    ...(dateText !== undefined ? { dateText } : {}),
  };
}
