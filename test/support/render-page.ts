import { spawnSync } from 'node:child_process';

/** A greyscale raster: one byte per pixel, 0 = black, 255 = white, rows top to bottom. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** Which renderer produced it. */
  renderer: 'poppler' | 'ghostscript';
}

/** Parses binary PGM (P5, 8-bit), as `pdftoppm -gray` and Ghostscript's `pgmraw` write it; comments allowed. */
export function parsePgm(data: Buffer): GrayImage | undefined {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < data.length && /\s/.test(String.fromCharCode(data[pos] as number))) pos++;
      if (data[pos] !== 0x23) break;
      while (pos < data.length && data[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < data.length && !/\s/.test(String.fromCharCode(data[pos] as number))) pos++;
    return data.subarray(start, pos).toString('latin1');
  };
  if (token() !== 'P5') return undefined;
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++;
  if (!(width > 0 && height > 0 && max === 255) || data.length - pos < width * height) return undefined;
  return { width, height, pixels: new Uint8Array(data.subarray(pos, pos + width * height)), renderer: 'poppler' };
}

/**
 * Renders one page (counted from 1) of a PDF file to grey pixels at `dpi`, as viewers show it (crop box,
 * /Rotate). Uses poppler (`pdftoppm -gray -cropbox -f N -l N`; without `-cropbox` poppler renders the media box); when poppler cannot build the page (it refuses, for
 * example, a page with 32,768 annotations) falls back to Ghostscript, if installed and not turned off.
 * Undefined if neither can.
 */
export function renderPageGray(file: string, page: number, dpi = 30, options: { ghostscript?: boolean } = {}): GrayImage | undefined {
  const poppler = spawnSync('pdftoppm', ['-gray', '-cropbox', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], {
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  const failed = poppler.status !== 0 || /Failed to create page/.test(poppler.stderr?.toString('latin1') ?? '');
  const fromPoppler = failed ? undefined : parsePgm(poppler.stdout);
  if (fromPoppler || options.ghostscript === false) return fromPoppler;
  const gs = spawnSync(
    'gs',
    ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-dUseCropBox', '-sDEVICE=pgmraw', `-r${dpi}`, `-dFirstPage=${page}`, `-dLastPage=${page}`, '-sOutputFile=-', file],
    // Why 20 s: Ghostscript takes minutes on some damaged inputs it has to reconstruct.
    { maxBuffer: 256 * 1024 * 1024, timeout: 20_000 },
  );
  if (gs.error || gs.status !== 0) return undefined;
  const fromGs = parsePgm(gs.stdout);
  return fromGs ? { ...fromGs, renderer: 'ghostscript' } : undefined;
}

/** `qpdf --check`: exit status 0 (clean), 3 (warnings only) or 2 (errors), with the messages. */
export function qpdfCheckStatus(file: string): { status: number; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** The bounding box (pixels, inclusive) of what got darker from `before` to `after`, and how much ink. */
export function inkBox(before: GrayImage, after: GrayImage, threshold = 40): { x0: number; y0: number; x1: number; y1: number; ink: number } | undefined {
  if (before.width !== after.width || before.height !== after.height) throw new Error('renders differ in size');
  let box: { x0: number; y0: number; x1: number; y1: number; ink: number } | undefined;
  for (let y = 0; y < after.height; y++) {
    for (let x = 0; x < after.width; x++) {
      const d = (before.pixels[y * before.width + x] as number) - (after.pixels[y * after.width + x] as number);
      if (d <= threshold) continue;
      box ??= { x0: x, y0: y, x1: x, y1: y, ink: 0 };
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
      box.ink += d / 255;
    }
  }
  return box;
}
