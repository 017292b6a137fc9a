import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One blank as filled by a test: enough to find it again and to look for it in the PDF. */
export interface FilledBlank {
  fieldId: string;
  label: string;
  valueType: string;
  unit: string;
  value: string;
}

/** A plausible valid value for a blank, by its value type and unit. */
export function sampleValue(valueType: string, unit: string): string {
  switch (valueType) {
    case 'percent':
      return '5';
    case 'integer':
      return '2';
    case 'duration':
      return unit === '小时' ? '4' : '3';
    case 'number':
      return '3';
    case 'money':
      return '1000';
    case 'phone':
      return '13800138000';
    default:
      return '天猫';
  }
}

/** The clause-by-clause wizard. */
export class WizardPage {
  readonly root: Locator;
  readonly paper: Locator;
  readonly saveStatus: Locator;
  readonly review: Locator;
  readonly preview: Locator;
  readonly versionBanner: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.wizard');
    this.paper = page.locator('.paper');
    this.saveStatus = page.getByTestId('save-status');
    this.review = page.getByTestId('review');
    this.preview = page.getByTestId('pledge-preview');
    this.versionBanner = page.getByTestId('version-banner');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  async currentStep(): Promise<string> {
    return (await this.root.getAttribute('data-step')) ?? '';
  }

  /** Step keys in order, from the step list. */
  async stepKeys(): Promise<string[]> {
    return this.page.locator('.step-list [data-step]').evaluateAll((els) => els.map((el) => el.getAttribute('data-step') ?? ''));
  }

  async goToStep(key: string): Promise<void> {
    await this.page.locator(`.step-list [data-step="${key}"]`).click();
    await expect(this.root).toHaveAttribute('data-step', key);
  }

  async next(): Promise<void> {
    const before = await this.currentStep();
    await this.page.locator('[data-action="next"]').click();
    await expect(this.root).not.toHaveAttribute('data-step', before);
  }

  /** Waits until the server confirmed every change ("已保存 HH:MM:SS"). */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-save-state', 'saved');
    await expect(this.saveStatus).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  }

  async fillSigner(signer: { type: '企业' | '个人' | '其他'; name: string; organisation: string }): Promise<void> {
    const form = this.page.locator('.signer-form');
    await form.getByRole('radio', { name: signer.type, exact: true }).check();
    await form.getByLabel('承诺人姓名').fill(signer.name);
    await form.getByLabel('单位名称').fill(signer.organisation);
  }

  /** A signer input by its key (`name`, `organisation`, `idNumber`, `creditCode`, `phone`, `address`). */
  signerInput(key: string): Locator {
    return this.page.locator(`.signer-form input[data-signer-field="${key}"]`);
  }

  /** The hint or validation message beside a signer input (its accessible description). */
  signerMessage(key: string): Locator {
    return this.page.locator('.signer-form .form-row', { has: this.page.locator(`input[data-signer-field="${key}"]`) }).locator('.form-hint');
  }

  /** The "已阅读并同意本条款" boxes of the current step, in document order. */
  ackBoxes(): Locator {
    return this.paper.locator('input[type="checkbox"][data-ack-key]');
  }

  ackBox(clauseKey: string): Locator {
    return this.paper.locator(`input[type="checkbox"][data-ack-key="${clauseKey}"]`);
  }

  /** Confirms every clause of the current step; returns their keys. */
  async confirmAllClauses(): Promise<string[]> {
    const boxes = this.ackBoxes();
    const keys: string[] = [];
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      await box.check();
      keys.push((await box.getAttribute('data-ack-key')) ?? '');
    }
    return keys;
  }

  /** Waits for the review step to say "可以签署". */
  async expectReadyToSign(): Promise<void> {
    await expect(this.review).toHaveAttribute('data-ready', 'true');
    await expect(this.review).toContainText('可以签署');
  }

  /** The text blanks of the current step (choice "other" inputs and the date excluded). */
  blanks(): Locator {
    return this.paper.locator('input.blank-input[data-value-type]');
  }

  blank(label: string): Locator {
    return this.paper.getByRole('textbox', { name: label, exact: true });
  }

  /** Fills every blank on the current step with a valid sample value; returns what it typed. */
  async fillAllBlanks(): Promise<FilledBlank[]> {
    const filled: FilledBlank[] = [];
    const inputs = this.blanks();
    const count = await inputs.count();
    for (let i = 0; i < count; i++) {
      const input = inputs.nth(i);
      const fieldId = (await input.getAttribute('data-field-id')) ?? '';
      const valueType = (await input.getAttribute('data-value-type')) ?? 'text';
      const unit = (await input.getAttribute('data-unit')) ?? '';
      const label = (await input.getAttribute('aria-label')) ?? '';
      const value = sampleValue(valueType, unit);
      await input.fill(value);
      await expect(input).not.toHaveAttribute('aria-invalid', 'true');
      filled.push({ fieldId, label, valueType, unit, value });
    }
    return filled;
  }

  /** Choice groups on the current step. */
  choiceGroups(): Locator {
    return this.paper.locator('[role="radiogroup"][data-field-id]');
  }

  /** Picks the first option of every choice group on the step; returns field id → option. */
  async pickFirstOptions(): Promise<Record<string, string>> {
    const picked: Record<string, string> = {};
    const groups = this.choiceGroups();
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const radio = group.getByRole('radio').first();
      await radio.check();
      picked[(await group.getAttribute('data-field-id')) ?? ''] = (await radio.getAttribute('value')) ?? '';
    }
    return picked;
  }

  /** The Chinese validation message shown at a blank (its accessible description). */
  fieldError(label: string): Locator {
    return this.paper.locator('.blank', { has: this.page.getByRole('textbox', { name: label, exact: true }) }).locator('.field-error');
  }

  /** Literal clause text of the current step, paragraph by paragraph, split where the blanks are. */
  async clauseLiterals(): Promise<string[][]> {
    return this.paper
      .locator('.clause-text, .clause-heading, .section-heading')
      .evaluateAll((ps) => ps.map((p) => Array.from(p.querySelectorAll('.lit, .section-number, .clause-number')).map((s) => s.textContent ?? '')));
  }

  /** Draws a signature with a few mouse strokes on every pad of the sign step. */
  async drawSignatures(): Promise<void> {
    const pads = this.paper.locator('canvas.signature-pad');
    for (let i = 0; i < (await pads.count()); i++) {
      const box = await pads.nth(i).boundingBox();
      if (!box) throw new Error('signature pad not visible');
      const strokes: Array<Array<[number, number]>> = [
        [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
        [[0.55, 0.4], [0.65, 0.4], [0.6, 0.8]],
        [[0.7, 0.7], [0.8, 0.3], [0.9, 0.6]],
      ];
      for (const stroke of strokes) {
        const [first, ...rest] = stroke;
        if (!first) continue;
        await this.page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
        await this.page.mouse.down();
        for (const [x, y] of rest) await this.page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 6 });
        await this.page.mouse.up();
      }
    }
  }

  async setDate(isoDate: string): Promise<void> {
    await this.paper.locator('input[type="date"]').first().fill(isoDate);
  }

  async finalize(): Promise<void> {
    await this.page.locator('[data-action="finalize"]').click();
  }
}
