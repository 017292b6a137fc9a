import { opaqueBounds, recolour, removeWhiteBackground } from './signature-image';

/** The handwriting face of the page (local fonts only: no network fonts). */
export const KAI_FONT_STACK = "'LXGW WenKai', 'KaiTi', 'STKaiti', serif";

/** Bitmap scale of generated images, so they stay sharp when printed. */
const SCALE = 3;
/** Longest side an uploaded image is scaled down to before processing. */
const MAX_SIDE = 1200;

function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('unreadable image'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

/**
 * The canvas cropped to its opaque pixels plus `pad` canvas pixels on each side, as a PNG data URL, or null if
 * nothing is left.
 */
export function trimmedPng(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, pad = 2 * SCALE): string | null {
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const box = opaqueBounds(data.data, canvas.width, canvas.height);
  if (!box) return null;
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  const w = Math.min(canvas.width - x, box.width + 2 * pad);
  const h = Math.min(canvas.height - y, box.height + 2 * pad);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  out.getContext('2d')?.putImageData(ctx.getImageData(x, y, w, h), 0, 0);
  return out.toDataURL('image/png');
}

/**
 * An uploaded PNG/JPEG as a transparent PNG data URL: near-white background removed with a soft edge, and for a
 * seal the imprint recoloured red. Everything happens on a local canvas. Null when nothing is left.
 */
export async function processUploadedImage(file: Blob, kind: 'signature' | 'seal'): Promise<string | null> {
  const img = await loadImage(file);
  const ratio = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * ratio));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * ratio));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  removeWhiteBackground(data.data);
  if (kind === 'seal') recolour(data.data);
  ctx.putImageData(data, 0, 0);
  return trimmedPng(canvas, ctx);
}

/** CSS font size of a typed signature. */
const TYPED_SIZE = 44;

/** A typed name drawn at 3× in the Kai handwriting face as a transparent PNG data URL, or null for no name. */
export async function renderTypedName(name: string): Promise<string | null> {
  const text = name.trim();
  if (text === '') return null;
  const font = `${TYPED_SIZE * SCALE}px ${KAI_FONT_STACK}`;
  // Why: a local face is loaded lazily; measuring before it is ready would use the fallback's metrics.
  await document.fonts.load(font, text).catch(() => []);
  const canvas = document.createElement('canvas');
  const probe = canvas.getContext('2d');
  if (!probe) throw new Error('no canvas');
  probe.font = font;
  const width = Math.ceil(probe.measureText(text).width) + 8 * SCALE;
  canvas.width = width;
  canvas.height = Math.ceil(TYPED_SIZE * SCALE * 1.5);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no canvas');
  ctx.font = font;
  ctx.fillStyle = '#14171c';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 4 * SCALE, canvas.height / 2);
  return trimmedPng(canvas, ctx);
}
