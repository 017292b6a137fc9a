import { rgb } from 'pdf-lib';
import { mm } from './pdf-units';

/*
 * Page geometry after GB/T 9704-2012 (党政机关公文格式), in PDF points: A4, top margin 37 mm, left margin
 * 28 mm, type area (版心) 156 × 225 mm, body 三号 (16 pt) on a grid of 22 lines of 28 characters.
 *
 * Faces: the standard asks for 仿宋 for the body, 黑体 for level-1 headings (一、), 楷体 for level-2 (（一）)
 * and 小标宋 for the title. No free 仿宋 or 小标宋 of good quality is packaged in Debian, and pdf-lib can only
 * embed TrueType-outline fonts correctly (notes/cjk-pdf.md), so the body and level-2 headings are set in
 * LXGW WenKai (楷, OFL) in place of 仿宋, and the title and level-1 headings in WenQuanYi Micro Hei (黑,
 * Apache-2.0) in place of 小标宋 and 黑体. See resources/fonts/README.md.
 */
export const LEFT = mm(28);
export const TOP = mm(37);
export const TYPE_WIDTH = mm(156);
export const TYPE_HEIGHT = mm(225);
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Body size: 三号. */
export const BODY = 16;
/** The fixed line pitch: 225 mm / 22 lines ≈ 28.99 pt (one character plus 7/8 of one, as the standard says). */
export const PITCH = TYPE_HEIGHT / LINES_PER_PAGE;
/** One grid character ("一字"): 156 mm / 28 ≈ 15.79 pt, a little under 16 pt, as Word's document grid sets it. */
export const CHAR = TYPE_WIDTH / CHARS_PER_LINE;
/** Character spacing (PDF `Tc`) that puts 16 pt Han characters on the 28-character grid: ≈ −0.21 pt. */
export const GRID_TRACKING = CHAR - BODY;
/** Title size: 二号. */
export const TITLE = 22;
/** Paragraphs and level-1 headings are indented two characters. */
export const EM_INDENT = 2 * CHAR;
/** Text on the evidence page and under the QR code: 五号. */
export const SMALL = 10.5;
export const SMALL_PITCH = 17;
export const INK = rgb(0, 0, 0);
