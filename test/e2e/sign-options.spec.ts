import { deflateSync } from 'node:zlib';
import { pdfsig } from '../support/pdf-signature-tools';
import { expect, test } from './fixtures';
import { SIGNER, SIGNING_DATE, pdfText } from './journey';
import { ArchivePage } from './pages/ArchivePage';
import { finalizeAndFetch, imageCount, reachSignStep } from './sign-step';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const b of body) crc = (CRC[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** An opaque RGB PNG, as a scanner or phone makes it: white paper with ink where `ink(x, y)` says. */
function whitePaperPng(width: number, height: number, ink: (x: number, y: number) => [number, number, number] | null): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < width; x++) {
      const colour = ink(x, y) ?? [0xfc, 0xfb, 0xf7];
      raw.set(colour, y * stride + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const signatureScan = (): Buffer =>
  whitePaperPng(300, 100, (x, y) => (Math.abs(y - (50 + 25 * Math.sin(x / 15))) < 3 ? [0x20, 0x20, 0x30] : null));
const sealScan = (): Buffer =>
  whitePaperPng(160, 160, (x, y) => {
    const r = Math.hypot(x - 80, y - 80);
    return (r > 62 && r < 72) || r < 12 ? [0xc8, 0x30, 0x30] : null;
  });

test('a typed name becomes the signature image in the PDF', async ({ page, server }) => {
  const wizard = await reachSignStep(page, server.url);
  const inputs = page.locator('.signature-input');
  for (let i = 0; i < (await inputs.count()); i++) {
    await inputs.nth(i).locator('.segment', { hasText: '输入姓名' }).click();
    await expect(inputs.nth(i).locator('input.typed-name')).toHaveValue(SIGNER.name);
    await expect(inputs.nth(i).locator('img.typed-preview')).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('sign-typed.png') });
  const pdf = await finalizeAndFetch(page, wizard);
  expect(imageCount(pdf)).toBeGreaterThanOrEqual(1);
});

test('an uploaded signature and seal on white paper are cleaned up and signed', async ({ page, server }) => {
  const wizard = await reachSignStep(page, server.url);
  const inputs = page.locator('.signature-input');
  for (let i = 0; i < (await inputs.count()); i++) {
    await inputs.nth(i).locator('.segment', { hasText: '上传图片' }).click();
    await inputs.nth(i).locator('input[type="file"]').setInputFiles({ name: 'sig.png', mimeType: 'image/png', buffer: signatureScan() });
    await expect(inputs.nth(i).locator('img.image-preview')).toBeVisible();
  }
  await page.getByLabel('上传公章图片').setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: sealScan() });
  const seal = page.getByRole('img', { name: '公章预览' });
  await expect(seal).toBeVisible();
  // The background is transparent and the imprint red: sample the preview's pixels.
  const pixels = await seal.evaluate((img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const corner = Array.from(ctx.getImageData(0, Math.floor(c.height / 2) - 30, 1, 1).data);
    const centre = Array.from(ctx.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data);
    return { corner, centre };
  });
  expect(pixels.centre).toEqual([0xd0, 0x02, 0x1b, 255]);
  expect(pixels.corner[3]).toBe(0);
  await page.screenshot({ path: test.info().outputPath('sign-upload.png') });
  const pdf = await finalizeAndFetch(page, wizard);
  expect(imageCount(pdf)).toBeGreaterThanOrEqual(2);
});

test('a digital signature with an identity made here passes pdfsig; a wrong passphrase is refused in Chinese', async ({ page, server }) => {
  const wizard = await reachSignStep(page, server.url);
  await wizard.drawSignatures();
  const digital = page.getByTestId('digital-signature');
  await digital.getByRole('checkbox', { name: '数字签名（可选）' }).check();
  await digital.getByLabel('证书密码', { exact: true }).fill('secret-123');
  await digital.getByLabel('再次输入密码').fill('secret-123');
  await digital.getByRole('button', { name: '生成证书' }).click();
  await expect(page.getByTestId('digital-ready')).toContainText('已生成证书');
  await page.screenshot({ path: test.info().outputPath('sign-digital.png'), fullPage: true });

  await digital.getByLabel('证书密码', { exact: true }).fill('wrong-pass');
  await wizard.finalize();
  await expect(page.locator('.sign-problems')).toContainText('证书密码不正确');

  await digital.getByLabel('证书密码', { exact: true }).fill('secret-123');
  const pdf = await finalizeAndFetch(page, wizard);
  const result = pdfsig(pdf);
  expect(result.raw).toContain('Signature is Valid.');
  expect(result.signatures.at(-1)?.totalDocument).toBe(true);
});

test('the wet-ink path archives a copy to print, and its scan can be attached', async ({ page, server }) => {
  await reachSignStep(page, server.url);
  await page.locator('[data-action="finalize-wet-ink"]').click();
  const done = page.getByTestId('wet-ink-done');
  await expect(done).toBeVisible({ timeout: 30_000 });
  await done.getByLabel('附加纸质签署扫描件').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: signatureScan() });
  await expect(done).toContainText('已附加扫描件');
  await done.getByRole('button', { name: '查看存档记录' }).click();
  const archive = new ArchivePage(page);
  await expect(archive.root).toBeVisible({ timeout: 30_000 });
  const response = await page.request.get(await archive.pdfUrl());
  const pdf = new Uint8Array(await response.body());
  expect(pdfText(pdf)).toContain('纸质签署用打印件');
  expect(imageCount(pdf)).toBe(0);
});

test('the ISO date format is printed on the date line', async ({ page, server }) => {
  const wizard = await reachSignStep(page, server.url);
  await wizard.drawSignatures();
  await page.getByTestId('date-format').selectOption('iso');
  const pdf = await finalizeAndFetch(page, wizard);
  const text = pdfText(pdf);
  expect(text).toContain(SIGNING_DATE);
  expect(text).not.toContain('2026年11月28日');
});

test('a one-stroke scribble is rejected as too simple', async ({ page, server }) => {
  await reachSignStep(page, server.url);
  const pad = page.locator('canvas.signature-pad').first();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no pad');
  await page.mouse.move(box.x + 20, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 70, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('drawing-problem').first()).toHaveText('签名过于简单：请用至少两笔完整写出姓名');
});
