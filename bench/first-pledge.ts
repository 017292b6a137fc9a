/**
 * Run by bench/compose-bench.ts in a fresh Node process: loads the modules, then times the first pledge
 * composed in this process (reading the font files and starting harfbuzz included) and a second one.
 * Prints one JSON line: {fontRead, first, second, rssBefore, peakRss} (ms, ms, ms, MB, MB).
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composePledgePdf } from '../electron/core/pdf/compose-pledge-pdf';
import { makeSealPng } from '../test/fixtures/golden/golden-pledge';
import { makeSignaturePng } from '../test/support/make-png';
import { loadFonts } from './compose-bench';
import { seedComposeInput } from './seed-pledge';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const images = { signature: makeSignaturePng(), seal: makeSealPng() };
  const template = seedComposeInput(root, { font: new Uint8Array(), headingFont: new Uint8Array() }, images);
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const start = performance.now();
  const fonts = loadFonts(resolve(root, 'resources'));
  const fontRead = performance.now() - start;
  await composePledgePdf({ ...template, ...fonts });
  const first = performance.now() - start;
  const again = performance.now();
  await composePledgePdf({ ...template, ...fonts });
  const second = performance.now() - again;
  console.log(JSON.stringify({ fontRead, first, second, rssBefore, peakRss: process.resourceUsage().maxRSS / 1024 }));
}

void main();
