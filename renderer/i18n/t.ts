import { zh } from './zh';
import type { Messages } from './zh';

/** The active message table. Only Chinese exists today; choosing a locale happens here and nowhere else. */
export const t: Messages = zh;
