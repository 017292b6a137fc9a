import type { PdfPoint } from '../pdf-units';
import { pt } from '../pdf-units';

/** An axis-aligned rectangle in points: bottom-left corner, width and height. Width and height are ≥ 0. */
export interface PdfRect {
  x: PdfPoint;
  y: PdfPoint;
  width: PdfPoint;
  height: PdfPoint;
}

/** `/Rotate` normalised: the clockwise quarter turns a viewer applies when it shows the page. */
export type PageRotation = 0 | 90 | 180 | 270;

/**
 * Where a page is and how a viewer shows it. Two coordinate spaces matter:
 * - **user space**: the page's own, unrotated coordinates, in which its content and `mediaBox` are given;
 * - **view space**: points from the bottom-left corner of the crop box *as the user sees the page* (after
 *   `/Rotate`), x to the right, y up. Placements, `--at` and the preview use view space.
 *
 * Invariants: `cropBox` lies inside `mediaBox` and has a positive area; `widthPt`/`heightPt` are the crop box's
 * size with width and height swapped for 90° and 270°.
 */
export interface PageFrame {
  /** User space. */
  mediaBox: PdfRect;
  /** User space: the visible part of the page (the `/CropBox` clipped to the media box, as viewers do). */
  cropBox: PdfRect;
  rotate: PageRotation;
  /** Width of the page as the user sees it. */
  widthPt: PdfPoint;
  /** Height of the page as the user sees it. */
  heightPt: PdfPoint;
}

/** US Letter, the media box viewers assume when a page has none (pdf.js, poppler). */
const LETTER = [0, 0, 612, 792] as const;

type Box = readonly [number, number, number, number];

function asBox(raw: readonly number[] | undefined): Box | undefined {
  if (!raw || raw.length !== 4 || !raw.every((n) => Number.isFinite(n))) return undefined;
  const [a, b, c, d] = raw as Box;
  // Why: boxes may list any two opposite corners; viewers normalise them.
  const box: Box = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  return box[2] - box[0] > 0 && box[3] - box[1] > 0 ? box : undefined;
}

const toRect = ([x0, y0, x1, y1]: Box): PdfRect => ({ x: pt(x0), y: pt(y0), width: pt(x1 - x0), height: pt(y1 - y0) });

/** Any `/Rotate` value → 0/90/180/270. Like pdf.js, a value that is not a multiple of 90 counts as 0. */
export function normaliseRotation(raw: number | undefined): PageRotation {
  if (raw === undefined || !Number.isFinite(raw) || raw % 90 !== 0) return 0;
  return (((raw % 360) + 360) % 360) as PageRotation;
}

/**
 * Builds the frame of a page from its raw `/MediaBox`, `/CropBox` (each `[x0 y0 x1 y1]`, any corner order,
 * possibly missing or malformed) and `/Rotate`. A missing or empty media box becomes US Letter; a crop box
 * that is missing, malformed or outside the media box becomes the media box.
 */
export function makePageFrame(raw: { mediaBox?: readonly number[]; cropBox?: readonly number[]; rotate?: number }): PageFrame {
  const media = asBox(raw.mediaBox) ?? LETTER;
  const crop = asBox(raw.cropBox);
  let visible: Box = media;
  if (crop) {
    const clipped = asBox([Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])]);
    const overlaps = crop[0] < media[2] && crop[2] > media[0] && crop[1] < media[3] && crop[3] > media[1];
    if (clipped && overlaps) visible = clipped;
  }
  const rotate = normaliseRotation(raw.rotate);
  const cropBox = toRect(visible);
  const quarter = rotate === 90 || rotate === 270;
  return {
    mediaBox: toRect(media),
    cropBox,
    rotate,
    widthPt: quarter ? cropBox.height : cropBox.width,
    heightPt: quarter ? cropBox.width : cropBox.height,
  };
}
