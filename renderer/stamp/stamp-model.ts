import type { PdfInspectionDto } from '../../electron/shared/dto';
import type { MethodInput } from '../../electron/shared/api';
import type { PlacedBox, StampWhat } from './PlacementBox';
import type { ScreenBox } from './screen-to-page';
import { screenToPage } from './screen-to-page';

export type Placement = NonNullable<MethodInput<'stamping.stamp'>['placements']>[number];
type SeenPage = PdfInspectionDto['pages'][number];

/** Width of every page preview in CSS pixels; each page's scale is this over its own width in points. */
export const PAGE_CSS_WIDTH = 600;

/** Default box sizes in points, about as large as the host's own block draws them. */
const DEFAULT_PT: Record<StampWhat, { width: number; height: number }> = {
  signature: { width: 120, height: 45 },
  seal: { width: 100, height: 100 },
  date: { width: 130, height: 22 },
};

/** A new box for `what`, centred on the page preview and never larger than the page. */
export function defaultBox(what: StampWhat, page: SeenPage, cssWidth = PAGE_CSS_WIDTH): ScreenBox {
  const scale = cssWidth / page.widthPt;
  const cssHeight = page.heightPt * scale;
  const width = Math.min(DEFAULT_PT[what].width * scale, cssWidth);
  const height = Math.min(DEFAULT_PT[what].height * scale, cssHeight);
  return { x: (cssWidth - width) / 2, y: (cssHeight - height) / 2, width, height };
}

/**
 * The boxes as `stamping.stamp` placements (pages from 1, `'all'` for a box on every page), or undefined when
 * nothing was placed: the host then puts its standard block at the bottom right of the last page.
 */
export function placementsOf(boxes: readonly PlacedBox[], pages: readonly SeenPage[], cssWidth = PAGE_CSS_WIDTH): Placement[] | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.map((b) => {
    const page = pages[b.page];
    if (!page) throw new RangeError(`no page ${b.page + 1}`);
    const rect = screenToPage(b.box, page, cssWidth);
    return { page: b.everyPage ? 'all' : b.page + 1, what: b.what, rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
  });
}

/** What was given (an image, a date) but not placed while other things were: the host will leave it out. */
export function unplaced(boxes: readonly PlacedBox[], given: Record<StampWhat, boolean>): StampWhat[] {
  if (boxes.length === 0) return [];
  return (['signature', 'seal', 'date'] as const).filter((w) => given[w] && !boxes.some((b) => b.what === w));
}

/** The date as the stamp writes it: 2026年11月28日 (`zh`) or 2026-11-28 (`iso`). */
export function formatDate(iso: string, format: 'zh' | 'iso'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || format === 'iso') return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Today on this computer's calendar, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Finds the page a dropped box lands on: the page sheet under the box's centre, with the box moved into that
 * page's coordinates and kept inside it. Null when the centre is on no page (the box then stays where it was).
 */
export function dropOnto(
  client: { left: number; top: number; width: number; height: number },
  sheets: ReadonlyArray<{ page: number; rect: { left: number; top: number; width: number; height: number } }>,
): { page: number; box: ScreenBox } | null {
  const cx = client.left + client.width / 2;
  const cy = client.top + client.height / 2;
  const hit = sheets.find(({ rect }) => cx >= rect.left && cx <= rect.left + rect.width && cy >= rect.top && cy <= rect.top + rect.height);
  if (!hit) return null;
  const { rect } = hit;
  const width = Math.min(client.width, rect.width);
  const height = Math.min(client.height, rect.height);
  const x = Math.min(Math.max(client.left - rect.left, 0), rect.width - width);
  const y = Math.min(Math.max(client.top - rect.top, 0), rect.height - height);
  return { page: hit.page, box: { x, y, width, height } };
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * The host's own first check, made before uploading: a PDF has "%PDF-" within its first 1,024 bytes. An
 * image or Word file renamed .pdf is refused at once (PDF_NOT_PDF); the host checks again and decides the rest.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_HEADER.length, 1024);
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < PDF_HEADER.length; k++) if (bytes[i + k] !== PDF_HEADER[k]) continue outer;
    return true;
  }
  return false;
}
