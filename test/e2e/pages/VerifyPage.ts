import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** "核验": a file, a typed code, the whole archive. */
export class VerifyPage {
  readonly root: Locator;
  readonly fileInput: Locator;
  readonly fileVerdict: Locator;
  readonly codeInput: Locator;
  readonly codeVerdict: Locator;
  readonly allResult: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.verify-screen');
    this.fileInput = page.getByTestId('verify-file-input');
    this.fileVerdict = page.getByTestId('file-verdict');
    this.codeInput = page.getByTestId('verify-code-input');
    this.codeVerdict = page.getByTestId('code-verdict');
    this.allResult = page.getByTestId('verify-all-result');
  }

  async openFromHeader(): Promise<void> {
    await this.page.locator('.app-nav [data-nav="verify"]').click();
    await expect(this.root).toBeVisible();
  }

  /** Chooses a file in the file input and waits for its verdict; returns the headline. */
  async verifyFile(name: string, mimeType: string, buffer: Buffer): Promise<string> {
    await this.fileInput.setInputFiles({ name, mimeType, buffer });
    await expect(this.fileVerdict).toBeVisible({ timeout: 30_000 });
    await expect(this.fileVerdict).toContainText(name);
    return (await this.fileVerdict.getByTestId('file-verdict-headline').innerText()).trim();
  }

  /** Types a code and checks it; assert on `codeHeadline` (it polls until the new verdict is shown). */
  async verifyCode(code: string): Promise<void> {
    await this.codeInput.fill(code);
    await this.page.locator('[data-action="verify-code"]').click();
    await expect(this.codeVerdict).toBeVisible();
  }

  get codeHeadline(): Locator {
    return this.codeVerdict.getByTestId('code-verdict-headline');
  }

  /** Clicks "核验全部档案" unless it is already running, and waits for the result. */
  async verifyAll(): Promise<void> {
    const button = this.page.locator('[data-action="verify-all"]');
    if (await button.isEnabled()) await button.click();
    await expect(this.allResult).toBeVisible({ timeout: 60_000 });
  }
}
