import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import { expect, test } from './fixtures';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';
import { shot } from './shots';

/** Two A4 pages with a line of text each; the second carries /Rotate 90 (seen landscape). */
async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, rotate] of [0, 90].entries()) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Platform pledge form, page ${i + 1}`, { x: 60, y: 760, size: 18, font });
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderWidth: 1, borderColor: rgb(0.4, 0.4, 0.4) });
    if (rotate) page.setRotation(degrees(rotate));
  }
  return Buffer.from(await doc.save());
}

/** A real 4 × 4 PNG (not a PDF at all). */
function tinyPng(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let crc = 0xffffffff;
    for (const b of body) crc = (table[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = Buffer.alloc((4 * 3 + 1) * 4, 0x80);
  for (let y = 0; y < 4; y++) raw[y * 13] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Runs a poppler tool on the PDF bytes and returns its stdout. */
function poppler(tool: 'pdftotext' | 'pdfimages', args: string[], bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-stamp-'));
  try {
    const file = join(dir, 'stamped.pdf');
    writeFileSync(file, bytes);
    return execFileSync(`/usr/bin/${tool}`, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Image rows of `pdfimages -list` for one page (its two header lines dropped). */
const imageRows = (list: string): string[] => list.split('\n').slice(2).filter((l) => l.trim() !== '');

async function drawOn(page: Page, pad: Locator): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const strokes: Array<Array<[number, number]>> = [
    [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
    [[0.55, 0.4], [0.65, 0.4], [0.6, 0.8]],
    [[0.7, 0.7], [0.8, 0.3], [0.9, 0.6]],
  ];
  for (const [first, ...rest] of strokes) {
    if (!first) continue;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 6 });
    await page.mouse.up();
  }
}

async function openStamp(page: Page, url: string): Promise<void> {
  const home = new HomePage(page);
  await home.open(url);
  await page.getByRole('button', { name: '给已有 PDF 盖章' }).click();
  await expect(page.getByRole('heading', { name: '给已有 PDF 盖章' })).toBeVisible();
}

test('a PDF with a rotated page is previewed, stamped where the boxes were dragged, and archived', async ({ page, server }) => {
  await openStamp(page, server.url);
  await page.getByTestId('stamp-file').setInputFiles({ name: '平台承诺书.pdf', mimeType: 'application/pdf', buffer: await twoPagePdf() });

  const pages = page.locator('.stamp-page');
  await expect(pages).toHaveCount(2);
  await expect(page.getByTestId('stamp-findings')).toContainText('部分页面是旋转的');
  await expect(pages.nth(0)).toHaveAttribute('data-rendered', 'drawn');
  // The rotated page is seen landscape: wider than tall.
  const sheet1 = page.locator('[data-page-sheet="1"]');
  const sheet2 = page.locator('[data-page-sheet="2"]');
  await expect(pages.nth(1)).toContainText('842 × 595 pt');

  await page.getByTestId('stamp-signer-name').fill('张三');
  await drawOn(page, page.getByTestId('stamp-signature-pad'));

  // Signature box: added on page 1, then dragged onto page 2.
  await page.getByTestId('stamp-target-page').selectOption('0');
  await page.getByTestId('stamp-add-signature').click();
  const sigBox = page.getByTestId('stamp-box-signature');
  await expect(sigBox).toHaveAttribute('data-page', '1');
  await expect(sigBox.locator('img')).toBeVisible();
  // Scroll so that the box (middle of page 1) and the top of page 2 are both on screen.
  await sheet2.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 560));
  const from = await sigBox.boundingBox();
  const to = await sheet2.boundingBox();
  if (!from || !to) throw new Error('box or page 2 not visible');
  expect(from.y).toBeGreaterThan(0);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width * 0.7, to.y + 120, { steps: 12 });
  await page.mouse.up();
  await expect(sigBox).toHaveAttribute('data-page', '2');
  await expect(sheet2.getByTestId('stamp-box-signature')).toBeVisible();
  await expect(sheet1.getByTestId('stamp-box-signature')).toHaveCount(0);

  // Date box straight onto page 2, and the date set.
  await page.getByTestId('stamp-target-page').selectOption('1');
  await page.getByTestId('stamp-add-date').click();
  await page.getByTestId('stamp-date').fill('2026-11-28');
  await expect(sheet2.getByTestId('stamp-box-date')).toHaveText(/2026年11月28日/);
  await expect(pages.nth(1)).toHaveAttribute('data-rendered', 'drawn');
  await sheet2.scrollIntoViewIfNeeded();
  await shot(page, 'stamp-placed');

  await page.locator('[data-action="stamp"]').click();
  const result = page.getByTestId('stamp-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stamp-placed')).toContainText('签名：第 2 页');
  await expect(page.getByTestId('stamp-placed')).toContainText('日期：第 2 页');
  await page.locator('[data-action="open-record"]').click();

  const archive = new ArchivePage(page);
  await archive.expectShown('平台承诺书');
  const response = await page.request.get(await archive.pdfUrl());
  expect(response.status()).toBe(200);
  const pdf = Buffer.from(await response.body());
  if (process.env.PLEDGE_E2E_SCREENSHOTS) writeFileSync(join(process.env.PLEDGE_E2E_SCREENSHOTS, 'stamp-output.pdf'), pdf);

  expect(poppler('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2'], pdf).replace(/\s+/g, '')).toContain('2026年11月28日');
  expect(poppler('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1'], pdf)).not.toContain('2026');
  expect(imageRows(poppler('pdfimages', ['-list', '-f', '2', '-l', '2'], pdf)).length).toBeGreaterThan(0);
  expect(imageRows(poppler('pdfimages', ['-list', '-f', '1', '-l', '1'], pdf))).toHaveLength(0);
});

test('a PNG renamed .pdf gets the Chinese “not a PDF” message', async ({ page, server }) => {
  await openStamp(page, server.url);
  await page.getByTestId('stamp-file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: tinyPng() });
  await expect(page.getByRole('alert')).toContainText('这不是 PDF 文件');
  await expect(page.locator('.stamp-page')).toHaveCount(0);
});
