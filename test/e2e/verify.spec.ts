import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './fixtures';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';
import { VerifyPage } from './pages/VerifyPage';
import { shot } from './shots';
import { COMPANY_SIGNER, PERSON_SIGNER, signViaApi } from './sign-via-api';

/** The archived PDF's bytes, downloaded the way the record's "另存为…" link does. */
async function download(page: Page, origin: string, fileSha256: string): Promise<Buffer> {
  const res = await page.request.get(`${origin}/blobs/${fileSha256}`);
  expect(res.status()).toBe(200);
  return res.body();
}

/** The last page (the evidence page with the QR code) rendered at 150 dpi by poppler, as a scanner would. */
function lastPageAsPng(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-scan-'));
  try {
    const file = join(dir, 'pledge.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(0);
    execFileSync('/usr/bin/pdftoppm', ['-r', '150', '-f', String(pages), '-l', String(pages), '-png', '-singlefile', file, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a PDF is told apart: the original, a modified copy, an unknown file, and a scan of the evidence page', async ({ page, server }) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  await home.open(server.url);
  const signed = await signViaApi(page, server.origin, 'ecommerce-service', COMPANY_SIGNER);
  const original = await download(page, server.origin, signed.fileSha256);
  const verify = new VerifyPage(page);
  await verify.openFromHeader();

  expect(await verify.verifyFile('原件.pdf', 'application/pdf', original)).toBe('一致（原件）');
  await expect(verify.fileVerdict).toContainText(signed.id);
  await expect(verify.fileVerdict).toContainText(signed.fileSha256);
  await shot(page, 'verify-exact', { narrow: true });

  // Re-saved with another title: not the same bytes, but it still names its record and content hash.
  const copy = await PDFDocument.load(original);
  copy.setTitle('改过标题的副本');
  const modified = Buffer.from(await copy.save());
  expect(await verify.verifyFile('副本.pdf', 'application/pdf', modified)).toBe(`是记录 ${signed.id} 的修改副本`);
  await expect(verify.fileVerdict.getByTestId('file-verdict-hash')).toHaveText('内容摘要 一致');
  await shot(page, 'verify-modified');

  const stranger = await PDFDocument.create();
  stranger.addPage([595, 842]).drawText('Not a pledge', { x: 72, y: 760, font: await stranger.embedFont(StandardFonts.Helvetica) });
  expect(await verify.verifyFile('别的文件.pdf', 'application/pdf', Buffer.from(await stranger.save()))).toBe('未知文件');
  await expect(verify.fileVerdict.locator('[data-action="open-record"]')).toHaveCount(0);

  const scan = lastPageAsPng(original);
  expect(await verify.verifyFile('扫描件.png', 'image/png', scan)).toBe(`扫描件，指向记录 ${signed.id}`);
  await expect(verify.fileVerdict.getByTestId('file-verdict-hash')).toHaveText('内容摘要 一致');
  await shot(page, 'verify-scan');

  // The verdict links to its record; back returns to 核验.
  await verify.fileVerdict.locator('[data-action="open-record"]').click();
  const record = new ArchivePage(page);
  await record.expectShown(signed.title);
  await record.back();
  await expect(verify.root).toBeVisible();
});

test('a typed verification code matches, a mistyped one does not, an unknown one is unknown', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  const signed = await signViaApi(page, server.origin, 'food-safety', PERSON_SIGNER);
  const code = `${signed.id}-${signed.contentHash.slice(0, 12)}`;
  const verify = new VerifyPage(page);
  await verify.openFromHeader();

  await verify.verifyCode(code);
  await expect(verify.codeHeadline).toHaveText(`校验码一致：记录 ${signed.id}`);
  await expect(verify.codeVerdict).toHaveAttribute('data-tone', 'ok');

  // Lower case and spaces, as typed from paper, read the same.
  await verify.verifyCode(` ${code.toLowerCase().replace(/-/g, ' - ')} `);
  await expect(verify.codeHeadline).toHaveText(`校验码一致：记录 ${signed.id}`);

  const wrongHex = `${signed.id}-${signed.contentHash.slice(0, 11)}${signed.contentHash[11] === '0' ? '1' : '0'}`;
  await verify.verifyCode(wrongHex);
  await expect(verify.codeHeadline).toHaveText(`校验码与记录 ${signed.id} 不符`);

  await verify.verifyCode('PD-20200101-ABCDEFGH-0123456789ab');
  await expect(verify.codeHeadline).toHaveText('找不到对应的记录');
  await expect(verify.codeVerdict).toHaveAttribute('data-tone', 'bad');
  await verify.verifyCode('这不是校验码');
  await expect(verify.codeHeadline).toHaveText('这不是有效的校验码');
});

test('verifying the whole archive shows a progress bar up to the end, then 0 failures, the counts and the head hash', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  await signViaApi(page, server.origin, 'ecommerce-service', COMPANY_SIGNER);
  await signViaApi(page, server.origin, 'food-safety', PERSON_SIGNER);
  const verify = new VerifyPage(page);
  await verify.openFromHeader();
  // The first progress reports are held back for a moment, so that the running bar can be seen.
  let held = 0;
  await page.route('**/api/jobs.get', async (route) => {
    if (held++ < 2) await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.locator('[data-action="verify-all"]').click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toBeVisible();
  await expect(page.locator('[data-action="verify-all"]')).toBeDisabled();
  await shot(page, 'verify-all-running');
  await verify.verifyAll();
  // Two signed events walked and two records checked: the bar ends full, on "已校验 2 / 2 份".
  await expect(progress).toHaveAttribute('data-total', '4');
  await expect(progress).toHaveAttribute('data-done', '4');
  await expect(page.getByTestId('job-progress-label')).toHaveText('已校验 2 / 2 份');
  const bar = progress.locator('progress');
  await expect(bar).toHaveAttribute('max', '4');
  expect(await bar.evaluate((el) => (el as HTMLProgressElement).value)).toBe(4);
  await expect(verify.allResult).toHaveAttribute('data-failures', '0');
  await expect(verify.allResult).toContainText('全部通过');
  await expect(page.getByTestId('verify-all-checked')).toHaveText('2');
  await expect(page.getByTestId('verify-all-head')).toHaveText(/^[0-9a-f]{64}$/);
  await shot(page, 'verify-all', { fullPage: true, narrow: true });
});

test('verifying the whole archive names a record whose PDF was altered', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  const good = await signViaApi(page, server.origin, 'ecommerce-service', COMPANY_SIGNER);
  const bad = await signViaApi(page, server.origin, 'food-safety', PERSON_SIGNER);
  const path = join(server.dataDir, 'archive', `${bad.fileSha256}.pdf`);
  const bytes = readFileSync(path);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 30) ^ 0xff, bytes.length - 30);
  writeFileSync(path, bytes);
  const verify = new VerifyPage(page);
  await verify.openFromHeader();
  await verify.verifyAll();
  await expect(page.getByTestId('job-progress-label')).toHaveText('已校验 2 / 2 份');
  await expect(verify.allResult).toHaveAttribute('data-failures', '1');
  const failures = page.getByTestId('verify-all-failures');
  await expect(failures).toContainText(bad.id);
  await expect(failures).not.toContainText(good.id);
  await expect(failures.locator('tr[data-problem="pdf-altered"]')).toHaveCount(1);
});
