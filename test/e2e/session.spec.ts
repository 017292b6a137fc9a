import { expect, test } from './fixtures';

test('without the start-up token the page explains how to get a new link', async ({ page, server }) => {
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('alert').filter({ hasText: '会话已失效' })).toHaveText(
    '会话已失效，请从命令行重新打开 pledge serve 给出的链接',
  );
});

test('a wrong token is refused the same way', async ({ page, server }) => {
  await page.goto(`${server.origin}/#token=not-the-token`);
  await expect(page.getByText('会话已失效，请从命令行重新打开 pledge serve 给出的链接')).toBeVisible();
  expect(page.url()).not.toContain('token=');
});
