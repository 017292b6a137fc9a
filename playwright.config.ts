import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys. `chromium` drives Debian's /usr/bin/chromium against `pledge serve` on a temp data dir
 * (never `playwright install`: the network is closed). `electron` runs the same journeys in the real shell and
 * skips itself where no Electron binary was installed.
 */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['**/electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: ['electron/**/*.electron.spec.ts'],
    },
  ],
});
