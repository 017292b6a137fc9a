import { rgb } from 'pdf-lib';
import { mm } from './pdf-units';

/*
 * Page geometry after GB/T 9704-2012: A4, top margin 37 mm, left margin 28 mm, type area 156 × 225 mm,
 * body 16 pt (三号) on a fixed 22-line grid. The standard asks for 仿宋; no free 仿宋 of good quality exists,
 * so the body is set in LXGW WenKai (楷), the closest open face that renders in every engine.
 */
export const LEFT = mm(28);
export const TOP = mm(37);
export const TYPE_WIDTH = mm(156);
export const TYPE_HEIGHT = mm(225);
export const BODY = 16;
export const PITCH = TYPE_HEIGHT / 22;
export const TITLE = 22;
export const EM_INDENT = 2 * BODY;
export const INK = rgb(0, 0, 0);

