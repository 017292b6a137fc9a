import { CoreError } from '../errors';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG colour types that carry an alpha channel: grey + alpha (4) and RGBA (6). */
const ALPHA_TYPES = new Set([4, 6]);

/** Pixel size of a PNG that can show a transparent background. */
export interface PngSize {
  widthPx: number;
  heightPx: number;
}

/**
 * Reads the header of a PNG saved as a profile's signature or seal and checks that it can be transparent:
 * an alpha colour type, or a `tRNS` chunk before the image data. The client removes the white background
 * before saving, so an opaque PNG means that step was skipped and the image would print as a white box.
 * Throws INVALID_IMAGE (with `field`) otherwise. Only the chunk headers are read, never the pixels.
 */
export function readTransparentPng(bytes: Uint8Array, field: string): PngSize {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new CoreError('INVALID_IMAGE', 'the data is not a PNG image', field);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = (at: number): string => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  if (chunkType(8) !== 'IHDR') throw new CoreError('INVALID_IMAGE', 'the PNG has no IHDR header', field);
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  if (widthPx === 0 || heightPx === 0) throw new CoreError('INVALID_IMAGE', 'the PNG has no pixels', field);
  let transparent = ALPHA_TYPES.has(bytes[25] as number);
  // Why: a palette or RGB PNG is transparent only through a tRNS chunk, which must come before IDAT.
  for (let at = 8; !transparent && at + 8 <= bytes.length; ) {
    const type = chunkType(at);
    if (type === 'tRNS') transparent = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + view.getUint32(at);
  }
  if (!transparent) {
    throw new CoreError('INVALID_IMAGE', 'the PNG has no transparency: remove its background before saving it', field);
  }
  return { widthPx, heightPx };
}
