import jpeg from 'jpeg-js';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeImage, decodeQr } from '../../../../electron/core/archive/decode-qr';
import { makeSignaturePng } from '../../../support/make-png';

const PAYLOAD = `PLEDGEDESK:1:PD-20261128-818ABXH9:${'3b5c7639f30a3d15'.repeat(4)}`;

async function qrPng(scale: number): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(PAYLOAD, { errorCorrectionLevel: 'M', scale, margin: 4 }));
}

describe('decodeImage and decodeQr', () => {
  it('read the QR code of a PNG', async () => {
    const image = decodeImage(await qrPng(4));
    expect(image).not.toBeNull();
    expect(decodeQr(image as NonNullable<typeof image>)).toBe(PAYLOAD);
  });

  it('read the QR code of a JPEG (as a phone or scanner saves it)', async () => {
    const png = decodeImage(await qrPng(6)) as NonNullable<ReturnType<typeof decodeImage>>;
    const bytes = new Uint8Array(jpeg.encode({ width: png.width, height: png.height, data: Buffer.from(png.data) }, 80).data);
    expect(bytes[0]).toBe(0xff);
    expect(decodeQr(decodeImage(bytes) as NonNullable<ReturnType<typeof decodeImage>>)).toBe(PAYLOAD);
  });

  it('read a QR code that is small in a large, grey page', async () => {
    const qr = decodeImage(await qrPng(5)) as NonNullable<ReturnType<typeof decodeImage>>;
    const width = 1800;
    const height = 2400;
    const data = new Uint8Array(width * height * 4).fill(235);
    for (let y = 0; y < qr.height; y++) {
      for (let x = 0; x < qr.width; x++) {
        const o = ((y + 1900) * width + x + 1300) * 4;
        for (let c = 0; c < 4; c++) data[o + c] = qr.data[(y * qr.width + x) * 4 + c] as number;
      }
    }
    expect(decodeQr({ width, height, data })).toBe(PAYLOAD);
  });

  it('give null for a picture without a QR code, and for bytes that are no picture', () => {
    expect(decodeQr(decodeImage(makeSignaturePng()) as NonNullable<ReturnType<typeof decodeImage>>)).toBeNull();
    expect(decodeImage(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(decodeImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toBeNull();
  });
});
