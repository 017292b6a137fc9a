import type { Page } from '@playwright/test';
import { api, currentDraftId } from './api';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

/** What has the focus: a blank or signer input by its field id, a clause box by its key, a button by its action. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return (
      el.getAttribute('data-field-id') ??
      (el.getAttribute('data-ack-key') ? `ack:${el.getAttribute('data-ack-key')}` : null) ??
      el.getAttribute('data-action') ??
      el.tagName.toLowerCase()
    );
  });
}

test('a section can be filled with the keyboard only: Tab follows the text, Enter moves on', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate('ecommerce-service');
  await wizard.expectLoaded();
  const draftId = await currentDraftId(page);

  // From the top of the page, Tab reaches the signer's name.
  for (let i = 0; i < 40 && (await focused(page)) !== 'signer.name'; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('signer.name');
  await page.keyboard.type('张伟');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('signer.organisation');
  await page.keyboard.type('杭州青禾网络科技有限公司');
  // Enter walks the remaining inputs of the step (the radios are left to Tab and the arrow keys) …
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('signer.creditCode');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('signer.address');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('pre-2');
  await page.keyboard.type('天猫');
  // … and on the last one goes to the next step, on its first input.
  await page.keyboard.press('Enter');
  await expect(wizard.root).toHaveAttribute('data-step', 'section-1');
  expect(await focused(page)).toBe('c1.1-1');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('ack:1.1');
  await page.keyboard.press('Space');
  await expect(wizard.ackBox('1.1')).toBeChecked();

  // Tab order on section 二 follows the text: each blank, then its clause's box, clause by clause.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('next');
  await page.keyboard.press('Enter');
  await expect(wizard.root).toHaveAttribute('data-step', 'section-2');
  // After a button, the focus is on the new step's heading: Tab goes on into the text.
  await expect(wizard.paper.locator('.section-heading')).toBeFocused();
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused(page));
  }
  expect(order).toEqual(['c2.1-1', 'ack:2.1', 'c2.2-1', 'ack:2.2', 'c2.3-1', 'c2.3-2', 'ack:2.3']);

  // Typing with Enter between the blanks fills the section and moves on at the end.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('c2.1-1');
  for (const [value, field] of [['3', 'c2.1-1'], ['10', 'c2.2-1'], ['24', 'c2.3-1'], ['5', 'c2.3-2']] as const) {
    expect(await focused(page)).toBe(field);
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(wizard.root).toHaveAttribute('data-step', 'section-3');
  expect(await focused(page)).toBe('c3.1-1');
  await wizard.expectSaved();

  const draft = await api(page, server.origin, 'drafts.get', { id: draftId });
  expect(draft.signer).toMatchObject({ name: '张伟', organisation: '杭州青禾网络科技有限公司' });
  expect(draft.values).toMatchObject({ 'pre-2': '天猫', 'c1.1-1': '5', 'c2.1-1': '3', 'c2.2-1': '10', 'c2.3-1': '24', 'c2.3-2': '5' });
  expect(Object.keys(draft.acks)).toEqual(['1.1']);
  expect(draft.step).toBe('section-3');
});
