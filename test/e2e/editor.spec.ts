import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

const shots = process.env.PLEDGE_E2E_SCREENSHOTS;
const BUILTIN = 'ecommerce-service';
const NEW_LABEL = '在售商品抽检比例';
const CLAUSE_1_2 = '如实描述商品的名称、规格、产地、价格及售后政策，不作虚假或者引人误解的宣传。';
const CLAUSE_1_3 = '促销活动开始前公示活动规则，活动期间不擅自变更规则、不先涨后降。';

/** The draft the wizard is showing, from the screen the app keeps in sessionStorage. */
async function currentDraftId(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('pledge-desk:screen') ?? '{}') as { draftId?: string }).draftId ?? '');
}

test('an edited built-in template becomes a new version; new drafts use it, an older draft keeps its version', async ({ page, server }) => {
  const home = new HomePage(page);
  const editor = new EditorPage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);

  // A draft started before the edit.
  await home.startTemplate(BUILTIN);
  await wizard.expectLoaded();
  const oldDraft = await currentDraftId(page);
  expect(oldDraft).not.toBe('');
  await home.goHome();
  const oldVersion = /[0-9a-f]{8}/.exec(await home.templateCard(BUILTIN).locator('.template-version').innerText())?.[0];
  expect(oldVersion).toBeDefined();

  await home.editTemplate(BUILTIN);
  await editor.expectLoaded();
  // The left pane shows the stored template as plain text.
  await expect(editor.source).toContainText(`1.2${CLAUSE_1_2}`);
  await expect(editor.source).toContainText('承诺人签名：__________');

  const percent = editor.chipOfType('百分比');
  const fieldId = (await percent.getAttribute('data-field-id')) ?? '';
  expect(fieldId).not.toBe('');
  await editor.openField(fieldId);
  await expect(editor.panel.getByLabel('类型')).toHaveValue('percent');
  await editor.setLabel(NEW_LABEL);
  await editor.setBound('最大值', '50');
  await expect(editor.chip(fieldId)).toHaveText('百分比 ≤50');
  await expect(editor.chip(fieldId)).toHaveAccessibleName(NEW_LABEL);

  await editor.merge('1.2');
  await expect(editor.clause('1.3')).toHaveCount(0);
  await expect(editor.clause('1.2')).toContainText(`${CLAUSE_1_2}${CLAUSE_1_3}`);
  await expect(editor.status).toHaveText('有未保存的修改');
  if (shots) {
    await editor.chip(fieldId).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'editor.png') });
  }

  const version = await editor.saveAsNewVersion();
  expect(version).not.toBe(oldVersion);
  await editor.back();

  // The home list shows the newest version; a new draft is made from it.
  await expect(home.templateCard(BUILTIN).locator('.template-version')).toContainText(version);
  await home.startTemplate(BUILTIN);
  await wizard.expectLoaded();
  await wizard.goToStep('section-1');
  await expect(wizard.paper.locator('[data-clause="1.2"]')).toContainText(`${CLAUSE_1_2}${CLAUSE_1_3}`);
  await expect(wizard.paper.locator('[data-clause="1.3"]')).toHaveCount(0);
  await wizard.goToStep('section-2');
  const blank = wizard.blank(NEW_LABEL);
  await blank.fill('60');
  await expect(wizard.fieldError(NEW_LABEL)).toHaveText('百分比须在 0 到 50 之间');
  await expect(blank).toHaveAttribute('aria-invalid', 'true');
  await blank.fill('40');
  await expect(wizard.fieldError(NEW_LABEL)).toHaveCount(0);
  await wizard.expectSaved();

  // The draft made before the edit still walks the old version's clauses.
  await home.goHome();
  await home.draftRow(oldDraft).getByRole('button', { name: '继续填写' }).click();
  await wizard.expectLoaded();
  await wizard.goToStep('section-1');
  await expect(wizard.paper.locator('[data-clause="1.2"] > .clause-text')).toHaveText(`1.2${CLAUSE_1_2}`);
  await expect(wizard.paper.locator('[data-clause="1.3"]')).toContainText(CLAUSE_1_3);
  await wizard.goToStep('section-2');
  await expect(wizard.blank(NEW_LABEL)).toHaveCount(0);
  const oldBlank = wizard.paper.locator(`input[data-field-id="${fieldId}"]`);
  await oldBlank.fill('60');
  await expect(oldBlank).not.toHaveAttribute('aria-invalid', 'true');
});

test('a clause split at the caret becomes two clauses, the fields following their text', async ({ page, server }) => {
  const home = new HomePage(page);
  const editor = new EditorPage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.editTemplate(BUILTIN);
  await editor.expectLoaded();

  const chips = editor.clause('2.3').locator('.chip');
  await expect(chips).toHaveCount(2);
  const [firstField, secondField] = [await chips.nth(0).getAttribute('data-field-id'), await chips.nth(1).getAttribute('data-field-id')];
  await editor.clause('2.3').getByRole('button', { name: '修改 / 拆分' }).click();
  if (shots) await page.screenshot({ path: join(shots, 'editor-split.png') });
  await editor.clause('2.3').getByRole('button', { name: '完成' }).click();
  await editor.split('2.3', '作出回应，');
  await expect(editor.clause('2.3').locator('.chip')).toHaveCount(1);
  await expect(editor.clause('2.3').locator(`.chip[data-field-id="${firstField}"]`)).toHaveCount(1);
  await expect(editor.clause('2.3′').locator(`.chip[data-field-id="${secondField}"]`)).toHaveCount(1);
  await expect(editor.clause('2.3′')).toContainText('并在');

  // A number the user typed is used instead of the prime.
  await editor.split('5.2', '生效，', '5.3');
  await expect(editor.clause('5.3')).toContainText('有效期');
  await expect(editor.clause('5.2′')).toHaveCount(0);

  await editor.saveAsNewVersion();
  await editor.back();
  await home.startTemplate(BUILTIN);
  await wizard.expectLoaded();
  await wizard.goToStep('section-2');
  await expect(wizard.paper.locator('[data-clause="2.3′"] input.blank-input')).toHaveCount(1);
  await expect(wizard.paper.locator(`[data-clause="2.3′"] input[data-field-id="${secondField}"]`)).toHaveCount(1);
});

test('a template that would fail the consistency check is explained in Chinese and not saved', async ({ page, server }) => {
  const home = new HomePage(page);
  const editor = new EditorPage(page);
  await home.open(server.url);
  await home.editTemplate(BUILTIN);
  await editor.expectLoaded();

  const choice = editor.doc.locator('.chip-choice').first();
  await editor.openField((await choice.getAttribute('data-field-id')) ?? '');
  if (shots) await page.screenshot({ path: join(shots, 'editor-choice.png') });
  const remove = editor.panel.getByRole('button', { name: '删除' });
  while ((await remove.count()) > 1) await remove.first().click();
  await editor.title().fill('');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(editor.problems).toContainText('标题不能为空');
  await expect(editor.problems).toContainText('至少需要两个选项');
  if (shots) await page.screenshot({ path: join(shots, 'editor-problems.png') });
  await expect(editor.status).not.toContainText('已保存');

  // A range whose minimum is above its maximum is refused too.
  await editor.title().fill('网店经营服务保障承诺书');
  await editor.panel.getByRole('button', { name: '添加选项' }).click();
  await editor.openField((await editor.chipOfType('百分比').getAttribute('data-field-id')) ?? '');
  await editor.setBound('最小值', '80');
  await editor.setBound('最大值', '20');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(editor.problems).toContainText('最小值大于最大值');
  await editor.setBound('最小值', '10');
  await editor.saveAsNewVersion();
});

test('in a "1、…" pledge the numbered sections merge like clauses, and the wizard has one step fewer', async ({ page, server }) => {
  const home = new HomePage(page);
  const editor = new EditorPage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate('pricing-honesty');
  await wizard.expectLoaded();
  const before = (await wizard.stepKeys()).length;
  await home.goHome();

  await home.editTemplate('pricing-honesty');
  await editor.expectLoaded();
  const second = (await editor.clause('2、').innerText()).replace(/\s*(合并|拆分)\s*/g, '');
  await editor.merge('1、');
  await expect(editor.clause('2、')).toHaveCount(0);
  await expect(editor.clause('1、')).toContainText(second.replace(/^2、/, '').slice(0, 12));
  if (shots) await page.screenshot({ path: join(shots, 'editor-flat.png') });
  await editor.saveAsNewVersion();
  await editor.back();

  await home.startTemplate('pricing-honesty');
  await wizard.expectLoaded();
  expect((await wizard.stepKeys()).length).toBe(before - 1);
});
