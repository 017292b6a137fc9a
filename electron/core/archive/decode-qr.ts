import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** RGBA pixels, 4 bytes per pixel, row by row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Largest image decoded (a 48-megapixel phone photo fits; memory stays bounded). */
const MAX_MEGAPIXELS = 64;

/** PNG or JPEG bytes as RGBA; null for other or undecodable bytes. Pure JS (pngjs, jpeg-js). */
export function decodeImage(bytes: Uint8Array): Rgba | null {
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024, tolerantDecoding: true });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The text of a QR code in the picture, decoded locally with jsQR (no camera, no network). Tries the full
 * picture, then halved and quartered copies: a phone photo's modules can be too large or too noisy for the
 * finder at full size. Null when no QR code is found.
 */
export function decodeQr(image: Rgba): string | null {
  let current: Rgba | null = image;
  for (let attempt = 0; current && attempt < 3; attempt++) {
    const found = jsQR(new Uint8ClampedArray(current.data.buffer, current.data.byteOffset, current.data.byteLength), current.width, current.height, {
      inversionAttempts: 'attemptBoth',
    });
    if (found?.data) return found.data;
    current = current.width >= 600 && current.height >= 600 ? halve(current) : null;
  }
  return null;
}

/** A 2×2 box-filtered copy at half the size. */
function halve(image: Rgba): Rgba {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8Array(width * height * 4);
  const src = image.data;
  const stride = image.width * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * 2 * stride + x * 8;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        data[o + c] = ((src[i + c] as number) + (src[i + 4 + c] as number) + (src[i + stride + c] as number) + (src[i + stride + 4 + c] as number)) >> 2;
      }
    }
  }
  return { width, height, data };
}
