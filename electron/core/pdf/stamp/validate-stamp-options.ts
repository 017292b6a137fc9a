import { CoreError } from '../../errors';
import { sniffImage } from '../image-bytes';
import { formatStampDate } from './format-stamp-date';
import type { PdfRect } from './page-frame';
import type { PageSelector, StampOptions } from './stamp-options';

/** Images above this are refused: a signature or seal scan never needs more, and pdf-lib decodes PNGs in memory. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

function checkImage(bytes: Uint8Array | undefined, field: string): void {
  if (bytes === undefined) return;
  if (sniffImage(bytes) === null) throw new CoreError('INVALID_IMAGE', `${field} is not a PNG or JPEG image`, field);
  if (bytes.length > MAX_IMAGE_BYTES) throw new CoreError('INVALID_IMAGE', `${field} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, field);
}

function validRect(rect: PdfRect): boolean {
  return [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) && rect.width > 0 && rect.height > 0;
}

/**
 * Checks everything about the options that does not need the PDF, so bad input fails before the (slow) parse,
 * and returns the date as it will be written (undefined without a date). Page numbers beyond the document
 * are checked later, once the page count is known.
 *
 * @throws CoreError INVALID_IMAGE (field `signature` / `seal`), VALIDATION (field `date`, `font`, `seal`,
 *   `block.page|at`, `placements[i].page|rect|what`).
 */
export function validateStampOptions(options: StampOptions): string | undefined {
  checkImage(options.signature, 'signature');
  checkImage(options.seal, 'seal');
  const dateText = options.date === undefined ? undefined : formatStampDate(options.date, options.dateFormat);
  if (dateText !== undefined && !options.font) throw new CoreError('VALIDATION', 'stamping a date needs the font', 'font');
  if (options.crossPageSeal && !options.seal) throw new CoreError('VALIDATION', 'a cross-page seal needs the seal image', 'seal');
  const checkPage = (page: PageSelector, field: string): void => {
    if (!(page === 'last' || page === 'all' || (Number.isInteger(page) && page >= 1))) {
      throw new CoreError('VALIDATION', `page must be a page number from 1, 'last' or 'all'`, field);
    }
  };
  if (options.block) {
    checkPage(options.block.page, 'block.page');
    const at = options.block.at;
    if (at && !(Number.isFinite(at.x) && Number.isFinite(at.y))) throw new CoreError('VALIDATION', 'the position needs finite coordinates', 'block.at');
  }
  (options.placements ?? []).forEach((p, i) => {
    checkPage(p.page, `placements[${i}].page`);
    if (!validRect(p.rect)) throw new CoreError('VALIDATION', 'the rectangle needs finite coordinates and a positive size', `placements[${i}].rect`);
    if (!['signature', 'seal', 'date'].includes(p.what)) throw new CoreError('VALIDATION', 'what must be signature, seal or date', `placements[${i}].what`);
    if (p.what === 'seal' && !options.seal) throw new CoreError('VALIDATION', 'a seal placement needs the seal image', `placements[${i}].what`);
    if (p.what === 'date' && dateText === undefined) throw new CoreError('VALIDATION', 'a date placement needs the date', `placements[${i}].what`);
  });
  return dateText;
}
