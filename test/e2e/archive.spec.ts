import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { pdfText } from '../support/pdf-text';
import { makeSignaturePng } from '../support/make-png';
import { api } from './api';
import { expect, test, type PledgeServer } from './fixtures';
import { ArchivePage } from './pages/ArchivePage';
import { ArchiveSearchPage } from './pages/ArchiveSearchPage';
import { HomePage } from './pages/HomePage';
import { shot } from './shots';
import type { Signed } from './sign-via-api';
import { COMPANY_SIGNER, PERSON_SIGNER, signViaApi } from './sign-via-api';

/** Two pledges of different templates and signers: a company (with personal data) and an individual. */
async function twoPledges(page: Page, origin: string): Promise<{ company: Signed; person: Signed }> {
  const company = await signViaApi(page, origin, 'ecommerce-service', COMPANY_SIGNER);
  const person = await signViaApi(page, origin, 'food-safety', PERSON_SIGNER, '2026-12-03');
  return { company, person };
}

/** The app opened, the two pledges signed, and the archive search showing both. */
async function searchTwoPledges(page: Page, server: PledgeServer): Promise<{ company: Signed; person: Signed; search: ArchiveSearchPage }> {
  await new HomePage(page).open(server.url);
  const { company, person } = await twoPledges(page, server.origin);
  const search = new ArchiveSearchPage(page);
  await search.openFromHeader();
  await search.expectSettled(2);
  return { company, person, search };
}

test('the archive finds a two-character name and a four-character clause phrase; filters, sort and codes', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  const { company, person } = await twoPledges(page, server.origin);
  await page.reload();

  // The home panel lists both, with their verification codes, and leads to the search.
  await expect(home.archiveRows).toHaveCount(2);
  await expect(home.archiveRows.first()).toContainText(`${person.id}-${person.contentHash.slice(0, 12)}`);
  await shot(page, 'home-archive', { fullPage: true });
  await page.locator('[data-action="archive-search"]').click();
  const search = new ArchiveSearchPage(page);
  await expect(search.root).toBeVisible();
  await search.expectSettled(2);
  await expect(search.row(company.id).getByTestId('result-code')).toHaveText(`${company.id}-${company.contentHash.slice(0, 12)}`);
  await expect(search.row(person.id).getByTestId('status-badge')).toHaveText('有效');

  // 王芳: two characters, below the trigram index's reach; the server's short-query path finds it.
  await search.search('王芳', 1);
  await expect(search.row(person.id).getByTestId('result-signer')).toHaveText('王芳');
  // 先涨后降: four characters of clause 1.3 of the e-commerce pledge only.
  await search.search('先涨后降', 1);
  await expect(search.row(company.id)).toBeVisible();
  await search.search('没有这样的承诺', 0);
  await search.search('', 2);

  await search.filter('signer-type').selectOption('个人');
  await search.expectSettled(1);
  await expect(search.row(person.id)).toBeVisible();
  await search.filter('signer-type').selectOption('');
  await search.filter('template').selectOption('ecommerce-service');
  await search.expectSettled(1);
  await expect(search.row(company.id)).toBeVisible();
  await search.filter('template').selectOption('');
  await search.filter('from').fill('2026-12-01');
  await search.expectSettled(1);
  await expect(search.row(person.id)).toBeVisible();
  await search.filter('from').fill('');
  await search.expectSettled(2);

  // Newest first by default (the food-safety pledge was signed last); by title, in code-point order.
  await expect(search.rows.first()).toHaveAttribute('data-archive-id', person.id);
  await search.filter('sort').selectOption('title');
  await search.expectSettled(2);
  const titles = await search.rows.locator('.cell-title').allInnerTexts();
  expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await shot(page, 'archive-search', { narrow: true });

  // The search is kept while a record is open.
  await search.search('张伟', 1);
  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);
  await record.back();
  await expect(search.query).toHaveValue('张伟');
  await search.expectSettled(1);

  // English: the same screen, the pledge titles stay Chinese.
  await page.locator('.lang-switch [data-locale="en"]').click();
  await expect(search.root.locator('h1')).toHaveText('Search the archive');
  await expect(search.row(company.id).getByTestId('status-badge')).toHaveText('Valid');
  await shot(page, 'archive-search-en');
  await search.open(company.id);
  await expect(record.status).toHaveText('Valid');
  await expect(record.event('signed')).toContainText('Signed and archived');
  await shot(page, 'record-en');
  await page.locator('.lang-switch [data-locale="zh"]').click();
});

test('voiding asks for a reason, shows 已作废 with its event, and the status filter finds it', async ({ page, server }) => {
  const { company, person, search } = await searchTwoPledges(page, server);
  await search.open(person.id);

  const record = new ArchivePage(page);
  await record.expectShown(person.title);
  await expect(record.status).toHaveText('有效');
  await page.locator('[data-action="void"]').click();
  const dialog = page.getByTestId('void-dialog');
  await expect(dialog).toContainText('永久记入审计日志');
  await expect(dialog.locator('[data-action="confirm"]')).toBeDisabled();
  await dialog.getByTestId('reason').fill('商户已注销，本承诺书不再适用');
  await dialog.locator('[data-action="confirm"]').click();
  await expect(dialog).toBeHidden();

  await expect(record.status).toHaveText('已作废');
  await expect(record.statusNotice).toContainText('理由：商户已注销，本承诺书不再适用');
  await expect(record.event('voided')).toContainText('作废');
  await expect(record.event('voided')).toContainText('理由：商户已注销，本承诺书不再适用');
  await expect(record.events.first()).toContainText('签署存档');
  await expect(page.locator('[data-action="void"]')).toHaveCount(0);
  await shot(page, 'record-void', { narrow: true });

  await record.back();
  await search.filter('status').selectOption('void');
  await search.expectSettled(1);
  await expect(search.row(person.id).getByTestId('status-badge')).toHaveText('已作废');
  await search.filter('status').selectOption('valid');
  await search.expectSettled(1);
  await expect(search.row(company.id)).toBeVisible();
});

test('personal data is masked until revealed; a scan is attached; erasure removes the PDF and scans', async ({ page, server }) => {
  const home = new HomePage(page);
  await home.open(server.url);
  const { company } = await twoPledges(page, server.origin);
  const search = new ArchiveSearchPage(page);
  await search.openFromHeader();
  await search.search('张伟', 1);
  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);

  // Masked first; the full number only after the deliberate click.
  await expect(page.getByTestId('personal-state')).toHaveText(/已部分隐藏/);
  await expect(record.signerDetails.locator('[data-field="phone"] dd')).toHaveText('138****5678');
  await expect(record.signerDetails).not.toContainText(COMPANY_SIGNER.idNumber as string);
  await page.locator('[data-action="reveal"]').click();
  await expect(record.signerDetails.locator('[data-field="phone"] dd')).toHaveText('13812345678');
  await expect(record.signerDetails.locator('[data-field="idNumber"] dd')).toHaveText(COMPANY_SIGNER.idNumber as string);
  await expect(page.locator('[data-action="reveal"]')).toHaveText('隐藏个人信息');
  // The reveal is logged in the record's history (issue #6): where, and which fields, never the data.
  const revealed = page.locator('[data-testid="record-events"] > li[data-kind="revealed"]');
  await expect(revealed).toHaveCount(1);
  await expect(record.event('revealed')).toContainText('查看了完整个人信息');
  await expect(record.event('revealed')).toContainText('在本应用中显示：身份证号、电话号码、地址');
  await expect(record.event('revealed').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(record.event('revealed')).not.toContainText('13812345678');

  // A scan of the wet-ink copy: uploaded, listed, logged, downloadable.
  const scan = Buffer.from(makeSignaturePng(600, 300));
  await page.getByTestId('attach-scan-input').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: scan });
  await expect(record.scans).toHaveCount(1);
  await expect(record.event('scan-attached')).toContainText('附加扫描件');
  await expect(record.event('scan-attached')).toContainText('PNG 图片');
  // Reloading the record after the scan neither reveals nor logs again; the details stay shown.
  await expect(revealed).toHaveCount(1);
  await expect(record.signerDetails.locator('[data-field="phone"] dd')).toHaveText('13812345678');
  const scanUrl = new URL((await record.scans.first().getByRole('link').getAttribute('href')) as string, page.url()).toString();
  expect((await page.request.get(scanUrl)).status()).toBe(200);
  await shot(page, 'record-events', { fullPage: true, narrow: true });

  // Erasure: a strong confirmation, then the tombstone.
  const pdfUrl = await record.pdfUrl();
  expect((await page.request.get(pdfUrl)).status()).toBe(200);
  await page.locator('[data-action="redact"]').click();
  const dialog = page.getByTestId('redact-dialog');
  await expect(dialog).toContainText('存档的 PDF 文件');
  await expect(dialog).toContainText('SHA-256 摘要作为存根保留');
  await dialog.getByTestId('reason').fill('当事人书面申请删除（申请编号 2026-017）');
  await expect(dialog.locator('[data-action="confirm"]')).toBeDisabled();
  await shot(page, 'redact-dialog');
  await dialog.getByTestId('acknowledge').check();
  await dialog.locator('[data-action="confirm"]').click();
  await expect(dialog).toBeHidden();

  await expect(record.status).toHaveText('已删除个人信息');
  await expect(record.statusNotice).toContainText('按要求删除');
  await expect(record.event('redacted')).toContainText('已删除：个人信息');
  await expect(page.getByTestId('personal-state')).toHaveText(/个人信息已按要求删除/);
  await expect(record.signerDetails).not.toContainText('138');
  await expect(page.getByTestId('record-pdf-erased')).toBeVisible();
  await expect(record.fileSha256).toHaveText(company.fileSha256);
  await expect(record.saveAs).toHaveCount(0);
  expect((await page.request.get(pdfUrl)).status()).toBe(404);
  expect((await page.request.get(scanUrl)).status()).toBe(404);
  const stored = await api(page, server.origin, 'archive.get', { id: company.id });
  expect(stored.status).toBe('redacted');
  await shot(page, 'record-redacted', { fullPage: true });

  // Erased search entries: the name no longer finds it; the status filter still lists it.
  await record.back();
  await search.search('张伟', 0);
  await search.search('', 2);
  await search.filter('status').selectOption('redacted');
  await search.expectSettled(1);
  await expect(search.row(company.id).getByRole('checkbox')).toBeDisabled();
});

test('several selected records print one after another in the browser', async ({ page, server }) => {
  const { company, person, search } = await searchTwoPledges(page, server);
  await expect(page.locator('[data-action="print-selected"]')).toBeDisabled();
  await search.select(company.id);
  await search.select(person.id);
  await expect(page.getByTestId('selection-count')).toHaveText('已选 2 份');
  await page.locator('[data-action="print-selected"]').click();
  await expect(search.printQueue).toBeVisible();
  await expect(page.getByTestId('queue-position')).toHaveText('第 1 / 2 份');
  await expect(page.getByTestId('queue-pdf')).toHaveAttribute('src', /\/blobs\/[0-9a-f]{64}$/);
  await shot(page, 'print-queue');
  await page.locator('[data-action="next-in-queue"]').click();
  await expect(page.getByTestId('queue-position')).toHaveText('第 2 / 2 份');
  await expect(page.locator('[data-action="next-in-queue"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(search.printQueue).toBeHidden();
});

test('on the desktop, printing goes through archive.print with the copies chosen, once per selected record', async ({ page, server }) => {
  // The browser stands in for the desktop shell: app.info says native dialogs, archive.print is answered here.
  const printed: Array<{ id: string; copies?: number }> = [];
  await page.route('**/api/app.info', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ok: true, value: { ...body.value, mode: 'desktop', nativeFileDialogs: true } } });
  });
  await page.route('**/api/archive.print', async (route) => {
    printed.push(route.request().postDataJSON() as { id: string; copies?: number });
    await route.fulfill({ json: { ok: true, value: { printed: printed.length !== 2 } } });
  });
  const { company, person, search } = await searchTwoPledges(page, server);
  await page.getByRole('checkbox', { name: '选择本页全部可打印的记录' }).check();
  await expect(page.getByTestId('selection-count')).toHaveText('已选 2 份');
  await page.locator('[data-action="print-selected"]').click();
  await search.printQueue.getByTestId('print-copies').fill('3');
  await search.printQueue.locator('[data-action="start-printing"]').click();
  await expect(search.printQueue).toContainText('已打印 1 份记录，取消 1 份。');
  expect(printed).toEqual([
    { id: person.id, copies: 3, copyMark: false },
    { id: company.id, copies: 3, copyMark: false },
  ]);
  await search.printQueue.getByRole('button', { name: '关闭' }).click();

  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);
  await page.getByTestId('print-copies').fill('2');
  await page.getByTestId('print-copy-mark').check();
  await page.locator('[data-action="print"]').click();
  await expect(page.getByTestId('record-notice')).toHaveText('已打印 2 份，并记入审计记录。');
  expect(printed.at(-1)).toEqual({ id: company.id, copies: 2, copyMark: true });
});

test('in the browser, a print marked 副本 opens the marked copy and shows in the record history, also for several records', async ({ page, server }) => {
  const { company, person, search } = await searchTwoPledges(page, server);
  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);

  await page.getByTestId('print-copy-mark').check();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('[data-action="print"]').click()]);
  await popup.waitForURL(/\/blobs\//);
  const url = new URL(popup.url());
  expect(url.pathname).toMatch(/^\/blobs\/[0-9a-f]{64}$/);
  expect(url.pathname).not.toContain(company.fileSha256);
  await popup.close();
  await expect(page.getByTestId('record-notice')).toHaveText('已在新窗口打开 PDF，请在其中打印；本次打印已记入审计记录。');
  // The opened file is the marked copy: 副本 and the record id on its pages, and it is not the archived file.
  const copy = await page.request.get(url.toString());
  expect(copy.ok()).toBe(true);
  const file = join(server.dataDir, 'opened-copy.pdf');
  writeFileSync(file, await copy.body());
  const text = pdfText(file);
  expect(text).toContain('副本');
  expect(text.replace(/\s+/g, '')).toContain(`（记录${company.id}）`);
  const printedEvent = record.event('printed');
  await expect(printedEvent).toContainText('打印');
  await expect(printedEvent).toContainText('份数在浏览器的打印对话框中选择 · 标注“副本” · 浏览器打印');
  await shot(page, 'record-printed-copy', { fullPage: true });

  // Several records in one go: each print from the queue is its record's own event, with the 副本 mark.
  await record.back();
  await search.expectSettled(2);
  await page.getByRole('checkbox', { name: '选择本页全部可打印的记录' }).check();
  await page.locator('[data-action="print-selected"]').click();
  await expect(search.printQueue).toBeVisible();
  await search.printQueue.getByTestId('print-copy-mark').check();
  for (const position of ['第 1 / 2 份', '第 2 / 2 份']) {
    await expect(page.getByTestId('queue-position')).toHaveText(position);
    const [opened] = await Promise.all([page.waitForEvent('popup'), page.locator('[data-action="print-one"]').click()]);
    await opened.waitForURL(/\/blobs\//);
    expect(new URL(opened.url()).pathname).toMatch(/^\/blobs\/[0-9a-f]{64}$/);
    await opened.close();
    await expect(search.printQueue.locator('.badge-valid')).toHaveText('已打印');
    if (position === '第 1 / 2 份') await page.locator('[data-action="next-in-queue"]').click();
  }
  await page.keyboard.press('Escape');
  for (const signed of [company, person]) {
    const history = await api(page, server.origin, 'archive.get', { id: signed.id });
    const prints = history.events.filter((e) => e.kind === 'printed');
    expect(prints.at(-1)?.details).toMatchObject({ copies: null, copyMark: true, via: 'browser' });
  }
});

test('selected records export as a bundle with a progress bar, then download', async ({ page, server }) => {
  const { company, person } = await searchTwoPledges(page, server);
  await page.getByRole('checkbox', { name: '选择本页全部可打印的记录' }).check();
  await page.locator('[data-action="export-selected"]').click();
  const dialog = page.getByTestId('export-bundle');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-action="start-export"]').click();
  await expect(dialog.getByTestId('bundle-done')).toContainText('已导出 2 份记录');
  const progress = dialog.getByTestId('job-progress');
  await expect(progress).toHaveAttribute('data-done', '2');
  await expect(progress).toHaveAttribute('data-total', '2');
  await expect(dialog.getByTestId('job-progress-label')).toHaveText('已写入 2 / 2 份');
  await shot(page, 'export-bundle');
  const link = dialog.getByTestId('bundle-download');
  await expect(link).toHaveAttribute('href', /^\/blobs\/[0-9a-f]{64}$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^承诺书-\d{8}-2\.pledgebundle$/);
  for (const signed of [company, person]) {
    const history = await api(page, server.origin, 'archive.get', { id: signed.id });
    expect(history.events.at(-1)).toMatchObject({ kind: 'exported', details: { personalData: false } });
  }
});

test('on the desktop, a scan is saved through the save dialog (archive.saveScan) instead of a download link', async ({ page, server }) => {
  // The browser stands in for the desktop shell: app.info says native dialogs; the real host has no dialog, so
  // archive.saveScan is answered here as the shell's dialog would.
  await page.route('**/api/app.info', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ok: true, value: { ...body.value, mode: 'desktop', nativeFileDialogs: true } } });
  });
  const asked: Array<{ id: string; sha256: string }> = [];
  await page.route('**/api/archive.saveScan', async (route) => {
    asked.push(route.request().postDataJSON() as { id: string; sha256: string });
    await route.fulfill({ json: { ok: true, value: { path: '/home/user/扫描件.png' } } });
  });
  const { company, search } = await searchTwoPledges(page, server);
  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);
  await page.getByTestId('attach-scan-input').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from(makeSignaturePng(600, 300)) });
  await expect(record.scans).toHaveCount(1);
  await expect(record.scans.first().getByRole('link')).toHaveCount(0);
  await record.scans.first().locator('[data-action="save-scan"]').click();
  await expect(page.getByTestId('scan-saved')).toHaveText('已将扫描件保存到 /home/user/扫描件.png，并记入审计记录。');
  const sha256 = await record.scans.first().getAttribute('data-sha256');
  expect(asked).toEqual([{ id: company.id, sha256 }]);
});

test('on the desktop, the exported bundle is saved through the save dialog (exports.save), not downloaded', async ({ page, server }) => {
  // The browser stands in for the desktop shell: app.info says native dialogs, exports.save is answered here.
  await page.route('**/api/app.info', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ok: true, value: { ...body.value, mode: 'desktop', nativeFileDialogs: true } } });
  });
  const asked: Array<{ blobId: string; fileName: string }> = [];
  await page.route('**/api/exports.save', async (route) => {
    asked.push(route.request().postDataJSON() as { blobId: string; fileName: string });
    await route.fulfill({ json: { ok: true, value: { path: asked.length === 1 ? null : '/home/user/交换.pledgebundle' } } });
  });
  await searchTwoPledges(page, server);
  await page.getByRole('checkbox', { name: '选择本页全部可打印的记录' }).check();
  await page.locator('[data-action="export-selected"]').click();
  const dialog = page.getByTestId('export-bundle');
  await dialog.locator('[data-action="start-export"]').click();
  await expect(dialog.getByTestId('bundle-done')).toContainText('已导出 2 份记录');
  await expect(dialog.getByTestId('bundle-download')).toHaveCount(0);
  await dialog.locator('[data-action="save-bundle"]').click();
  await expect(dialog.getByTestId('bundle-saved')).toHaveText('已取消保存；可再次点击“保存交换包…”。');
  await dialog.locator('[data-action="save-bundle"]').click();
  await expect(dialog.getByTestId('bundle-saved')).toHaveText('已保存到 /home/user/交换.pledgebundle');
  await expect(dialog.locator('[data-action="save-bundle"]')).toHaveCount(0);
  expect(asked).toHaveLength(2);
  expect(asked[0]).toEqual(asked[1]);
  expect(asked[0]).toMatchObject({ blobId: expect.stringMatching(/^[0-9a-f]{64}$/), fileName: expect.stringMatching(/^承诺书-\d{8}-2\.pledgebundle$/) });
});

test('导出台账: the register of every result as CSV (masked), then of the selection as Excel with full personal data, logged', async ({ page, server }) => {
  const { company, person, search } = await searchTwoPledges(page, server);

  // Nothing selected: every result of the search, oldest signature first, personal data masked.
  const csv = await search.exportRegister('csv');
  expect(csv.name).toMatch(/^台账-\d{8}-2\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^序号,记录编号,标题,/);
  expect(lines[1]).toContain(company.id);
  expect(lines[2]).toContain(person.id);
  expect(lines[1]).toContain('138****5678');
  expect(csv.bytes.includes(COMPANY_SIGNER.phone as string)).toBe(false);
  await expect(search.registerDialog).toContainText('当前检索结果的全部 2 份记录');
  await shot(page, 'archive-register');
  await search.registerDialog.getByRole('button', { name: '关闭' }).click();
  await expect(search.registerDialog).toBeHidden();

  // One record selected, as Excel, with full personal data: the cells hold it and the record's log says so.
  await search.select(company.id);
  const xlsx = await search.exportRegister('xlsx', { reveal: true });
  expect(xlsx.name).toMatch(/^台账-\d{8}-1\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  expect(sheet.rowCount).toBe(2);
  const cells = (sheet.getRow(2).values as unknown[]).map(String);
  expect(cells).toContain(company.id);
  expect(cells).toContain(COMPANY_SIGNER.phone);
  expect(cells).toContain(COMPANY_SIGNER.idNumber);
  await expect(search.registerDialog).toContainText('所选的 1 份记录');
  await search.registerDialog.getByRole('button', { name: '关闭' }).click();

  await search.open(company.id);
  const record = new ArchivePage(page);
  await record.expectShown(company.title);
  await expect(record.event('exported')).toContainText(/台账（XLSX）SHA-256 [0-9a-f]{12}…，含完整个人信息/);
});
