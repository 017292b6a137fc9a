import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { makeSignaturePng } from '../support/make-png';
import { makeFillableFormPdf, tempPdf } from '../support/stamp-fixtures';
import { removeTempDirs } from '../support/temp-dir';
import { expect, test } from './fixtures';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';

test.afterAll(removeTempDirs);

/** Opens the stamping screen on the fixture form (text, check box, dropdown, radio) and fills every field. */
async function openAndFill(page: Page, url: string): Promise<void> {
  await new HomePage(page).open(url);
  await page.getByRole('button', { name: '给已有 PDF 盖章' }).click();
  await page.getByTestId('stamp-file').setInputFiles({ name: '平台表单.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeFillableFormPdf()) });
  const form = page.getByTestId('stamp-form');
  await expect(form).toContainText('该 PDF 含有表单（4 个字段）');
  await form.getByLabel('表单字段“signer.name”').fill('张三丰');
  await form.getByLabel('表单字段“agree”').check();
  const city = form.getByLabel('表单字段“city”');
  await expect(city.locator('option')).toHaveText(['（未选择）', 'Beijing', '上海', 'Shenzhen']);
  await city.selectOption('上海');
  await form.getByLabel('表单字段“kind”').selectOption('company');
  await expect(form).toContainText('将填写 4 个字段');

  await page.getByTestId('stamp-signer-name').fill('张三丰');
  await page.getByRole('radio', { name: '上传图片' }).check();
  await page.getByLabel('签名图片（PNG 或 JPEG，白底会去除）').setInputFiles({ name: 'sig.png', mimeType: 'image/png', buffer: Buffer.from(makeSignaturePng()) });
  await expect(page.locator('img.stamp-thumb')).toBeVisible();
}

/** Stamps, opens the new record and returns the archived PDF. */
async function stampAndFetch(page: Page): Promise<Uint8Array> {
  await page.locator('[data-action="stamp"]').click();
  await expect(page.getByTestId('stamp-result')).toBeVisible({ timeout: 30_000 });
  await page.locator('[data-action="open-record"]').click();
  const archive = new ArchivePage(page);
  await archive.expectShown('平台表单');
  const response = await page.request.get(await archive.pdfUrl());
  expect(response.status()).toBe(200);
  return new Uint8Array(await response.body());
}

test('the stamping screen fills a PDF form’s fields and keeps them as a form', async ({ page, server }) => {
  await openAndFill(page, server.url);
  await expect(page.getByTestId('stamp-flatten')).not.toBeChecked();
  const pdf = await stampAndFetch(page);
  const form = (await PDFDocument.load(pdf)).getForm();
  expect(form.getTextField('signer.name').getText()).toBe('张三丰');
  expect(form.getCheckBox('agree').isChecked()).toBe(true);
  expect(form.getDropdown('city').getSelected()).toEqual(['上海']);
  expect(form.getRadioGroup('kind').getSelected()).toBe('company');
});

test('扁平化表单 turns the filled fields into page content', async ({ page, server }) => {
  await openAndFill(page, server.url);
  await page.getByTestId('stamp-flatten').check();
  const pdf = await stampAndFetch(page);
  expect((await PDFDocument.load(pdf)).getForm().getFields()).toHaveLength(0);
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', tempPdf(pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('张三丰');
  expect(text).toContain('上海');
});
