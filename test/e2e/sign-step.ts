import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { tempFile } from '../support/pdf-signature-tools';
import { SIGNER, SIGNING_DATE } from './journey';
import { ArchivePage } from './pages/ArchivePage';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

/** Starts the e-commerce pledge, fills everything through the UI and stops on the sign step, date set. */
export async function reachSignStep(page: Page, url: string): Promise<WizardPage> {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(url);
  await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.fillSigner(SIGNER);
  await wizard.pickFirstOptions();
  await wizard.fillAllBlanks();
  for (const key of (await wizard.stepKeys()).filter((k) => k.startsWith('section-'))) {
    await wizard.goToStep(key);
    await wizard.pickFirstOptions();
    await wizard.fillAllBlanks();
    await wizard.confirmAllClauses();
  }
  await wizard.goToStep('sign');
  await wizard.setDate(SIGNING_DATE);
  await wizard.expectSaved();
  return wizard;
}

/** Finalizes and returns the archived PDF's bytes. */
export async function finalizeAndFetch(page: Page, wizard: WizardPage): Promise<Uint8Array> {
  await wizard.finalize();
  const archive = new ArchivePage(page);
  await expect(archive.root).toBeVisible({ timeout: 30_000 });
  const response = await page.request.get(await archive.pdfUrl());
  expect(response.ok()).toBe(true);
  return new Uint8Array(await response.body());
}

/** How many images the PDF embeds (pdfimages -list). */
export function imageCount(pdf: Uint8Array): number {
  const list = execFileSync('pdfimages', ['-list', tempFile('images.pdf', pdf)], { encoding: 'utf8' });
  return list.trim().split('\n').length - 2;
}
