import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocx } from '../support/make-docx';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/ImportPage';
import { WizardPage } from './pages/WizardPage';

const here = dirname(fileURLToPath(import.meta.url));
/** The real book118 page of the template-engine issue: two pledges among site junk, the second cut off. */
const SEED = readFileSync(resolve(here, '../../../shared/seeds/ecommerce-service-pledge.book118-page.txt'), 'utf8');
const TRUNCATED_ZH = '原文在句子中间结束，且没有签名行，可能被截断，请与原文核对是否完整';
const shots = process.env.PLEDGE_E2E_SCREENSHOTS;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('the pasted seed page shows two pledges, the second flagged as cut off; both import and the first is signable', async ({ page, server }) => {
  const home = new HomePage(page);
  const importer = new ImportPage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.openImport();
  await importer.expectShown();

  await importer.paste(SEED);
  await expect(importer.cards).toHaveCount(2);
  if (shots) await page.screenshot({ path: join(shots, 'import-result.png') });
  await expect(importer.result).toContainText('识别出 2 份承诺书');
  await expect(importer.card(0).locator('.import-title')).toContainText('电商平台服务保障承诺书');
  await expect(importer.card(0)).toContainText('4 个部分');
  await expect(importer.card(0)).toContainText('1 处签名');
  await expect(importer.card(0)).toContainText('1 处日期');
  await expect(importer.card(0)).toContainText('未发现问题');
  await expect(importer.card(1)).toContainText('1 组选项');
  await expect(importer.warnings(1).filter({ hasText: TRUNCATED_ZH })).toHaveCount(1);
  await expect(importer.card(1).locator('[data-warning-code="truncated"]')).toHaveText(TRUNCATED_ZH);
  // Every warning is shown in Chinese, never as the host's English message.
  for (const text of await importer.warnings(1).allInnerTexts()) expect(text).toMatch(/[\u4e00-\u9fff]/);

  const first = await importer.templateId(0);
  const second = await importer.templateId(1);
  expect(first).not.toBe(second);
  await importer.importAll();
  await expect(importer.done).toHaveText('已导入 2 份承诺书，首页的模板列表中可以看到它们。');
  await expect(importer.card(0).getByTestId('import-status')).toContainText('已导入');

  await page.getByRole('button', { name: '返回首页查看' }).click();
  await expect(home.templateCard(first)).toBeVisible();
  await expect(home.templateCard(second)).toBeVisible();
  await expect(home.templateCard(first)).toContainText('电商平台服务保障承诺书');
  if (shots) await page.screenshot({ path: join(shots, 'home-after-import.png'), fullPage: true });

  await home.templateCard(first).getByRole('button', { name: '开始填写' }).click();
  await wizard.expectLoaded();
  await wizard.goToStep('section-3');
  const clause = wizard.paper.locator('[data-clause="3.1.1"]');
  await expect(clause).toContainText('次服务器安全巡检');
  await expect(clause.locator('input.blank-input')).toHaveCount(1);
  await clause.locator('input.blank-input').fill('2');
  await wizard.expectSaved();
});

test('a .docx chosen in the file input is read, reviewed against its own text, and imported', async ({ page, server }) => {
  const home = new HomePage(page);
  const importer = new ImportPage(page);
  const editor = new EditorPage(page);
  await home.open(server.url);
  await home.openImport();

  const docx = makeDocx([
    '门店消防安全承诺书',
    '为落实消防安全责任，本门店作出如下承诺：',
    '一、日常管理',
    ['1.1每月组织', '__________', '次防火检查。'],
    '1.2保持疏散通道畅通。',
    '二、应急处置',
    '2.1发现火情立即报警。',
    '承诺人签名：__________',
    '签订日期：__________',
  ]);
  await importer.chooseFile({ name: '消防承诺书.docx', mimeType: DOCX, buffer: Buffer.from(docx) });
  await expect(importer.cards).toHaveCount(1);
  await expect(importer.result).toContainText('来源：文件“消防承诺书.docx”');
  await expect(importer.card(0).locator('.import-title')).toContainText('门店消防安全承诺书');
  await expect(importer.card(0)).toContainText('2 个部分 · 1 处填空 · 0 组选项 · 1 处签名 · 1 处日期');

  // For a file, the editor's left pane shows the parsed pledge's own text.
  await importer.review(0);
  await editor.expectLoaded();
  await expect(editor.source).toContainText('门店消防安全承诺书');
  await expect(editor.source).toContainText('1.1每月组织__________次防火检查。');
  await expect(editor.title()).toHaveValue('门店消防安全承诺书');
  await editor.back();
  await expect(importer.cards).toHaveCount(1);

  const id = await importer.templateId(0);
  await importer.importAll();
  await page.getByRole('button', { name: '返回首页查看' }).click();
  await expect(home.templateCard(id)).toContainText('门店消防安全承诺书');
});

test('a file dropped on the import panel is read like a chosen one', async ({ page, server }) => {
  const home = new HomePage(page);
  const importer = new ImportPage(page);
  await home.open(server.url);
  await home.openImport();
  await importer.dropFile({
    name: 'pledge.txt',
    mimeType: 'text/plain',
    text: '食品安全承诺书\n一、进货查验\n1.1每批次留样__________小时。\n承诺人签名：__________\n签订日期：__________\n',
  });
  await expect(importer.cards).toHaveCount(1);
  await expect(importer.result).toContainText('来源：文件“pledge.txt”');
  await expect(importer.card(0)).toContainText('食品安全承诺书');
});

test('bad input is explained in Chinese by error code', async ({ page, server }) => {
  const home = new HomePage(page);
  const importer = new ImportPage(page);
  await home.open(server.url);
  await home.openImport();

  await importer.paste('   ');
  await expect(importer.error).toContainText('导入的文件是空的，或读不出承诺书的文字');
  await expect(importer.cards).toHaveCount(0);

  await importer.chooseFile({ name: 'broken.docx', mimeType: DOCX, buffer: Buffer.from('this is not a zip archive at all') });
  await expect(importer.error).toContainText('文件已损坏，无法按其格式读取');

  await importer.chooseFile({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(importer.error).toContainText('导入的文件是空的');
});

test('a pledge edited before import keeps its edit; "导入其余" stores the others as parsed', async ({ page, server }) => {
  const home = new HomePage(page);
  const importer = new ImportPage(page);
  const editor = new EditorPage(page);
  await home.open(server.url);
  await home.openImport();
  await importer.paste(SEED);
  await expect(importer.cards).toHaveCount(2);
  const [first, second] = [await importer.templateId(0), await importer.templateId(1)];

  await importer.review(1);
  await editor.expectLoaded();
  // For pasted text, the left pane is the pasted page itself, junk included.
  await expect(editor.source).toContainText('原创力文档');
  await editor.title().fill('电商平台服务保障承诺书（续）');
  await editor.saveAsNewVersion();
  if (shots) await page.screenshot({ path: join(shots, 'editor-import.png') });
  await editor.back();

  await expect(importer.card(1).getByTestId('import-status')).toContainText('已保存编辑后的版本');
  await expect(page.locator('[data-action="import-all"]')).toHaveText('导入其余 1 份');
  await importer.importAll();
  await page.getByRole('button', { name: '返回首页查看' }).click();
  await expect(home.templateCard(second)).toContainText('电商平台服务保障承诺书（续）');
  await expect(home.templateCard(first)).toContainText('电商平台服务保障承诺书');
});
