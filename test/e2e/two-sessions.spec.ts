import type { Page } from '@playwright/test';
import { api, currentDraftId } from './api';
import { expect, test } from './fixtures';
import { pdfText, SIGNER, SIGNING_DATE } from './journey';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';
import type { FilledBlank } from './pages/WizardPage';
import { WizardPage } from './pages/WizardPage';

/** Fills every blank and choice of the step and confirms its clauses. */
async function completeStep(wizard: WizardPage): Promise<FilledBlank[]> {
  await wizard.pickFirstOptions();
  const filled = await wizard.fillAllBlanks();
  await wizard.confirmAllClauses();
  await wizard.expectSaved();
  return filled;
}

test('a pledge filled in two sittings resumes where it was left, and signs with every clause confirmed', async ({ page, server, context }) => {
  // First sitting: signer, sections 一 and 二 complete, section 三 half done.
  let home = new HomePage(page);
  let wizard = new WizardPage(page);
  await home.open(server.url);
  const title = await home.startTemplate('ecommerce-service');
  await wizard.expectLoaded();
  const draftId = await currentDraftId(page);
  await wizard.fillSigner(SIGNER);
  await completeStep(wizard);
  await wizard.next();
  await completeStep(wizard);
  await wizard.next();
  await completeStep(wizard);
  await wizard.next();
  expect(await wizard.currentStep()).toBe('section-3');
  const first = wizard.blanks().first();
  const firstLabel = (await first.getAttribute('aria-label')) ?? '';
  await first.fill('7');
  await wizard.ackBox('3.1').check();
  await expect(wizard.ackBox('3.1').locator('xpath=ancestor::label')).toHaveAttribute('title', /^确认时间：/);
  // Changing an answer of a confirmed clause withdraws its confirmation, on screen and on the host.
  await first.fill('5');
  await expect(wizard.ackBox('3.1')).not.toBeChecked();
  const money = wizard.paper.locator('input[data-value-type="money"]');
  await money.fill('1000.50');
  await expect(wizard.paper.getByTestId('rmb-capital')).toHaveText('（大写：壹仟元伍角）');
  await wizard.ackBox('3.3').check();
  await wizard.expectSaved();
  await page.close();

  // Second sitting: a new window of the same browser (the session cookie is kept), from the home screen.
  const second: Page = await context.newPage();
  home = new HomePage(second);
  wizard = new WizardPage(second);
  await second.goto(`${server.origin}/`);
  await expect(home.draftRow(draftId)).toContainText(title);
  await home.draftRow(draftId).getByRole('button', { name: '继续填写' }).click();
  await wizard.expectLoaded();
  expect(await wizard.currentStep()).toBe('section-3');
  await expect(wizard.blank(firstLabel)).toHaveValue('5');
  await expect(wizard.paper.locator('input[data-value-type="money"]')).toHaveValue('1000.50');
  await expect(wizard.ackBox('3.1')).not.toBeChecked();
  await expect(wizard.ackBox('3.3')).toBeChecked();
  await wizard.goToStep('section-2');
  for (const box of await wizard.ackBoxes().all()) await expect(box).toBeChecked();
  await wizard.goToStep('section-3');

  // The review lists what is left; finishing the steps empties it.
  await wizard.goToStep('review');
  await expect(wizard.review).toHaveAttribute('data-ready', 'false');
  await expect(wizard.review.getByTestId('review-unconfirmed')).toContainText('第 3.1 条');
  await wizard.review.locator('[data-clause-key="3.1"]').getByRole('button', { name: '前往确认' }).click();
  await expect(wizard.root).toHaveAttribute('data-step', 'section-3');
  await expect(wizard.ackBox('3.1')).toBeFocused();
  await completeStep(wizard);
  await wizard.next();
  await completeStep(wizard);
  await wizard.next();
  await completeStep(wizard);
  await wizard.next();
  expect(await wizard.currentStep()).toBe('review');
  await wizard.expectReadyToSign();
  await expect(second.getByTestId('wizard-confirmed')).toHaveText('已确认 13 / 13 条');
  await wizard.review.getByRole('button', { name: '去签署' }).click();
  expect(await wizard.currentStep()).toBe('sign');
  await wizard.drawSignatures();
  await wizard.setDate(SIGNING_DATE);
  await wizard.expectSaved();
  await wizard.finalize();

  const archive = new ArchivePage(second);
  await archive.expectShown(title);
  const archiveId = (await archive.root.getAttribute('data-archive-id')) ?? '';
  const record = await api(second, server.origin, 'archive.get', { id: archiveId });
  const pdf = await second.request.get(new URL(record.pdf.url, second.url()).toString());
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain('条款确认时间');
  expect(text).not.toContain('未逐条确认');
  const draft = await api(second, server.origin, 'drafts.get', { id: draftId });
  expect(Object.keys(draft.acks)).toHaveLength(13);
});
