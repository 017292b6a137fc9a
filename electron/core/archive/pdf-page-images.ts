import type { PDFNumber } from 'pdf-lib';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { type Rgba, decodeImage } from './decode-qr';

/** Images smaller than this (icons, signatures) are not page scans. */
const MIN_PIXELS = 200_000;
const MAX_IMAGES = 40;

/**
 * The large images inside a PDF, as RGBA: what a scanner or a phone's "scan to PDF" puts on each page.
 * JPEG (DCTDecode) images are decoded with jpeg-js; Flate images in DeviceGray or DeviceRGB at 8 bits as
 * they are. Other encodings (JBIG2, CCITT, JPX) are skipped.
 */
export async function pdfPageImages(bytes: Uint8Array): Promise<Rgba[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return [];
  }
  const out: Rgba[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (out.length >= MAX_IMAGES) break;
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = (dict.lookup(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
    const height = (dict.lookup(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
    if (width * height < MIN_PIXELS) continue;
    const filter = dict.lookup(PDFName.of('Filter'));
    try {
      if (filter === PDFName.of('DCTDecode')) {
        const image = decodeImage(object.contents);
        if (image) out.push(image);
        continue;
      }
      if (filter !== PDFName.of('FlateDecode') || (dict.lookup(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber() !== 8) continue;
      // PNG predictors would need undoing row by row; scanners use JPEG, so such images are skipped.
      if (dict.lookup(PDFName.of('DecodeParms')) !== undefined) continue;
      const space = dict.lookup(PDFName.of('ColorSpace'));
      const channels = space === PDFName.of('DeviceGray') ? 1 : space === PDFName.of('DeviceRGB') ? 3 : 0;
      if (channels === 0) continue;
      const raw = decodePDFRawStream(object).decode();
      if (raw.length < width * height * channels) continue;
      const data = new Uint8Array(width * height * 4);
      for (let p = 0; p < width * height; p++) {
        data[p * 4] = raw[p * channels] as number;
        data[p * 4 + 1] = raw[p * channels + (channels === 3 ? 1 : 0)] as number;
        data[p * 4 + 2] = raw[p * channels + (channels === 3 ? 2 : 0)] as number;
        data[p * 4 + 3] = 255;
      }
      out.push({ width, height, data });
    } catch {
      // An image that does not decode cannot hold a readable QR code.
    }
  }
  return out;
}
