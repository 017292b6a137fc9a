import { expect, foreignRequests, test } from './fixtures';
import { HomePage } from './pages/HomePage';

/**
 * Issue 7, offline guarantee: every journey records the requests its pages make and fails on one that leaves
 * the app's origin (the automatic `requests` fixture). This spec checks the recorder itself: the app's own
 * start-up stays on its origin, and a request to anywhere else is seen and named by the check.
 */

test('the app’s start-up makes requests to its own origin only', async ({ page, server, requests }) => {
  await new HomePage(page).open(server.url);
  expect(requests.urls.length).toBeGreaterThan(2);
  expect(requests.urls.every((u) => u.startsWith(server.origin))).toBe(true);
  expect(foreignRequests(requests.urls, [server.origin])).toEqual([]);
});

test('a request to another origin is recorded and named by the check that fails journeys', async ({ page, server, requests }) => {
  requests.allowForeign = true; // This test leaves the origin on purpose; it checks the log instead.
  await new HomePage(page).open(server.url);
  expect(foreignRequests(requests.urls, [server.origin])).toEqual([]);
  // The page's CSP stops images and fetches to other origins before any request; a navigation it does not
  // stop, so that is the leak simulated here (the network is closed: the request fails, but it was made).
  await page.evaluate(() => {
    window.location.href = 'http://example.invalid/leak?draft=1';
  });
  await expect.poll(() => foreignRequests(requests.urls, [server.origin])).toEqual(['http://example.invalid/leak?draft=1']);
  expect(foreignRequests(['data:image/png;base64,AAAA', `blob:${server.origin}/1234`, `${server.origin}/api/x`, 'about:blank'], [server.origin])).toEqual([]);
  expect(foreignRequests(['blob:http://evil.example/1234', 'https://cdn.example/x.js', 'file:///etc/passwd', 'ws://127.0.0.1:1/', 'http://localhost:1/', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.js', 'chrome://settings/'], [server.origin])).toHaveLength(7);
  expect(foreignRequests(['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'chrome://resources/css/roboto.css'], [server.origin])).toEqual([]);
});

// Expected to fail: a journey whose page leaves the origin must be failed by the `requests` fixture. Should
// the check ever be dropped, this test passes unexpectedly, which Playwright reports as a failure.
test('a journey whose page leaves the app origin fails', async ({ page, server }) => {
  test.fail();
  await new HomePage(page).open(server.url);
  await page.evaluate(() => {
    window.location.href = 'http://example.invalid/leak';
  });
  await page.waitForURL(/example\.invalid/).catch(() => undefined);
  await page.waitForTimeout(500);
});
