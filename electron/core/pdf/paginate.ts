import type { Line } from './laid-line';
import { TYPE_HEIGHT } from './page-geometry';

/** Pages of lines, and where on the last page the closing block starts. */
export interface Pagination {
  pages: Line[][];
  closingStart: number;
}

const isBlank = (line: Line): boolean => line.atoms.length === 0 && !line.image;

/**
 * Fills pages of `capacity` points (the type area's height) with the body lines, then the closing block:
 * - a heading (`keepWithNext`) never ends a page: it moves to the next page with the line after it;
 * - an empty line is not carried to the top of a new page;
 * - the closing block (signer, signature, date) is never split; when it does not fit, it moves to a new page
 *   and takes the last two lines of text with it, because a page holding only a signature and a date
 *   proves nothing about what was signed (GB/T 9704 forbids a 落款 page without body text).
 */
export function paginate(body: readonly Line[], closing: readonly Line[] = [], capacity = TYPE_HEIGHT): Pagination {
  const pages: Line[][] = [[]];
  let used = 0;
  const current = (): Line[] => pages[pages.length - 1] as Line[];
  const fits = (height: number): boolean => used + height <= capacity + 0.01;
  const newPage = (): void => {
    pages.push([]);
    used = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const line = body[i] as Line;
    let need = line.height;
    for (let j = i; body[j]?.keepWithNext && body[j + 1]; j++) need += (body[j + 1] as Line).height;
    if (!fits(need) && used > 0) {
      if (isBlank(line)) continue;
      newPage();
    }
    current().push(line);
    used += line.height;
  }
  const closingHeight = closing.reduce((s, l) => s + l.height, 0);
  if (closing.length > 0 && !fits(closingHeight)) {
    const previous = current();
    let carry = 0;
    for (let text = 0; carry < previous.length && text < 2; carry++) if (!isBlank(previous[previous.length - 1 - carry] as Line)) text++;
    while (carry < previous.length && previous[previous.length - 1 - carry]?.keepWithNext) carry++;
    const moved = carry < previous.length ? previous.splice(previous.length - carry, carry) : [];
    newPage();
    for (const line of moved) {
      current().push(line);
      used += line.height;
    }
    if (!fits(closingHeight)) newPage();
  }
  const closingStart = current().length;
  for (const line of closing) {
    current().push(line);
    used += line.height;
  }
  return { pages, closingStart };
}
