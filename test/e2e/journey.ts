import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';
import type { FilledBlank } from './pages/WizardPage';
import { WizardPage } from './pages/WizardPage';

export const SIGNING_DATE = '2026-11-28';
export const SIGNING_DATE_ZH = '2026年11月28日';
export const SIGNER = { type: '企业', name: '张伟', organisation: '杭州青禾网络科技有限公司' } as const;

export interface JourneyResult {
  title: string;
  filled: FilledBlank[];
  choices: Record<string, string>;
  /** Literal clause text per paragraph, split at the blanks. */
  literals: string[][];
  contentHash: string;
  fileSha256: string;
  pdfUrl: string;
}

/**
 * The whole user journey through the UI: start the first template, fill the signer and every blank on every
 * step, reload in the middle and check the wizard comes back where it was, sign with the mouse, date it,
 * finalize, and land on the archive record. The page must already show the home screen.
 */
export async function fillAndSign(page: Page, options: { screenshotDir?: string } = {}): Promise<JourneyResult> {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  const shot = async (name: string): Promise<void> => {
    if (options.screenshotDir) await page.screenshot({ path: join(options.screenshotDir, `${name}.png`) });
  };
  await shot('01-home');

  const title = await home.startTemplate();
  expect(title).toContain('承诺书');
  await wizard.expectLoaded();
  expect(await wizard.currentStep()).toBe('intro');

  const steps = await wizard.stepKeys();
  expect(steps[0]).toBe('intro');
  expect(steps.at(-1)).toBe('sign');
  const sections = steps.filter((key) => key.startsWith('section-'));
  expect(sections.length).toBeGreaterThan(0);
  const reloadAt = sections[Math.floor((sections.length - 1) / 2)] as string;

  await wizard.fillSigner(SIGNER);
  const filled: FilledBlank[] = [];
  const choices: Record<string, string> = {};
  const literals: string[][] = [];
  Object.assign(choices, await wizard.pickFirstOptions());
  filled.push(...(await wizard.fillAllBlanks()));
  literals.push(...(await wizard.clauseLiterals()));
  await wizard.expectSaved();
  await shot('02-intro');

  for (const key of sections) {
    await wizard.next();
    expect(await wizard.currentStep()).toBe(key);
    Object.assign(choices, await wizard.pickFirstOptions());
    const onStep = await wizard.fillAllBlanks();
    filled.push(...onStep);
    literals.push(...(await wizard.clauseLiterals()));
    expect((await wizard.confirmAllClauses()).length).toBeGreaterThan(0);
    await wizard.expectSaved();
    if (key === reloadAt) {
      await shot('03-section-before-reload');
      await page.reload();
      await wizard.expectLoaded();
      expect(await wizard.currentStep()).toBe(key);
      for (const blank of onStep) await expect(wizard.blank(blank.label)).toHaveValue(blank.value);
      for (const box of await wizard.ackBoxes().all()) await expect(box).toBeChecked();
      await expect(page.getByTestId('wizard-filled')).toContainText(`已填写 ${filled.length + Object.keys(choices).length}`);
    }
  }

  await wizard.next();
  expect(await wizard.currentStep()).toBe('review');
  await wizard.expectReadyToSign();
  await wizard.next();
  expect(await wizard.currentStep()).toBe('sign');
  await wizard.drawSignatures();
  await wizard.setDate(SIGNING_DATE);
  await wizard.expectSaved();
  await shot('04-sign');
  await wizard.finalize();

  const archive = new ArchivePage(page);
  await archive.expectShown(title);
  await expect(page.getByTestId('record-signer')).toContainText(SIGNER.name);
  await shot('05-record');
  return {
    title,
    filled,
    choices,
    literals,
    contentHash: (await archive.contentHash.innerText()).trim(),
    fileSha256: (await archive.fileSha256.innerText()).trim(),
    pdfUrl: await archive.pdfUrl(),
  };
}

/** The PDF's text as pdftotext (poppler) extracts it, with every whitespace removed. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-pdf-'));
  try {
    const file = join(dir, 'pledge.pdf');
    writeFileSync(file, bytes);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Removes page furniture that pdftotext puts between the lines of a clause broken across pages (the footer
 * "文档编号 … 内容哈希 SHA-256 …", page numbers), so that a clause reads as one run again.
 */
export function withoutPageFurniture(text: string): string {
  return text
    .replace(/文档编号[A-Za-z0-9-]+/g, '')
    .replace(/校验码PD-\d{8}-[0-9A-Z]{8}-[0-9a-f]{12}/g, '')
    .replace(/内容哈希(SHA-256)?[:：]?[0-9a-f]{64}/g, '')
    .replace(/第\d+页(\/|,|，)?共\d+页/g, '')
    .replace(/—\d+—/g, '');
}

/** Everything the journey typed must be in the PDF: values with their units, clause text, date, content hash. */
export function expectPdfMatches(text: string, journey: JourneyResult): void {
  const body = withoutPageFurniture(text);
  for (const blank of journey.filled) {
    expect(body, `value of ${blank.label}`).toContain(`${blank.value}${blank.unit}`.replace(/\s+/g, ''));
  }
  for (const option of Object.values(journey.choices)) expect(body).toContain(option);
  for (const paragraph of journey.literals) {
    for (const literal of paragraph) {
      const piece = literal.replace(/\s+/g, '');
      if (piece !== '') expect(body, 'clause text').toContain(piece);
    }
  }
  expect(body).toContain(SIGNING_DATE_ZH);
  expect(text).toContain(journey.contentHash);
}
