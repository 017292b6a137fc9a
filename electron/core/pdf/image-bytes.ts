import { CoreError } from '../errors';

export type ImageFormat = 'png' | 'jpeg';

/** Recognises PNG and JPEG by their magic bytes; anything else is refused before pdf-lib sees it. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Decodes a `data:image/png;base64,…` (or jpeg) URL into bytes, checking the content matches an image. */
export function decodeImageDataUrl(dataUrl: string, field: string): Uint8Array {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!match) throw new CoreError('INVALID_IMAGE', 'expected a PNG or JPEG data URL', field);
  const bytes = new Uint8Array(Buffer.from(match[2] as string, 'base64'));
  if (sniffImage(bytes) === null) throw new CoreError('INVALID_IMAGE', 'the data is not a PNG or JPEG image', field);
  return bytes;
}
