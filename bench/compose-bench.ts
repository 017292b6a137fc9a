/**
 * Composition rows of `npm run bench`: the seed-shaped e-commerce pledge composed warm (with where the time
 * goes), its first composition in a fresh process, its size and peak memory, pdf-lib's own subsetting as it
 * was used before, and LibreOffice headless converting the same filled text in the same run.
 */
import fontkit from '@pdf-lib/fontkit';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import type { ComposeInput, ComposePhase } from '../electron/core/pdf/compose-pledge-pdf';
import { composePledgePdf } from '../electron/core/pdf/compose-pledge-pdf';
import { FONT_FILES } from '../electron/core/pdf/pledge-fonts';
import { makeSealPng } from '../test/fixtures/golden/golden-pledge';
import { makeSignaturePng } from '../test/support/make-png';
import { filledText, seedComposeInput } from './seed-pledge';

type Row = [string, string, string];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** Loads the fonts the app ships, from resources/fonts. */
export function loadFonts(resourcesDir: string): { font: Uint8Array; headingFont: Uint8Array } {
  return {
    font: new Uint8Array(readFileSync(join(resourcesDir, 'fonts', FONT_FILES.body))),
    headingFont: new Uint8Array(readFileSync(join(resourcesDir, 'fonts', FONT_FILES.heading))),
  };
}

export async function composeRows(root: string, resourcesDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const first = firstInFreshProcess(root);
  const input = seedComposeInput(root, loadFonts(resourcesDir), { signature: makeSignaturePng(), seal: makeSealPng() });
  const text = filledText(input);
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;

  const totals: number[] = [];
  const phases = new Map<ComposePhase, number[]>();
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < 25; i++) {
    let last = performance.now();
    const start = last;
    pdf = await composePledgePdf({
      ...input,
      onPhase: (phase) => {
        const now = performance.now();
        if (i >= 5) phases.set(phase, [...(phases.get(phase) ?? []), now - last]);
        last = now;
      },
    });
    if (i >= 5) totals.push(performance.now() - start);
  }
  const warm = median(totals);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  const office = libreOffice(text);
  const ratio = office.second ? office.second / warm : NaN;
  rows.push([
    `compose seed pledge (${han.toLocaleString('en')} Han chars, ${pages} pages incl. evidence)`,
    `warm p50 ${ms(warm)}, min ${ms(Math.min(...totals))} (target < 100 ms)`,
    office.second ? `LibreOffice headless same text: ${ms(office.second)} → ${ratio.toFixed(0)}× faster (target ≥ 10×)` : office.note,
  ]);
  rows.push([
    'compose: where the warm time goes (p50)',
    [...phases].map(([phase, xs]) => `${phase} ${median(xs).toFixed(1)}`).join(', ') + ' ms',
    'fonts = harfbuzz subset + font objects; embed = images, attachment; save = serialise',
  ]);
  rows.push(['compose: first document in a fresh process', first.text, 'modules loaded first; font files read + harfbuzz start included (target < 500 ms)']);
  rows.push(['compose: PDF size', `${(pdf.length / 1024).toFixed(0)} KB (target < 250 KB)`, `LibreOffice: ${office.bytes ? `${(office.bytes / 1024).toFixed(0)} KB` : 'n/a'}`]);
  rows.push(['compose: the same text through pdf-lib fonts (previous path)', `${ms(await pdfLibSubset(input))} warm`, 'embedFont(subset: true) + drawText + save, no line breaking']);
  rows.push(['compose: LibreOffice first conversion (fresh profile)', office.first ? ms(office.first) : office.note, 'soffice --headless --convert-to pdf, .txt of the same filled text']);
  return rows;
}

/**
 * The previous font path on the same text: pdf-lib's own subsetter (embedFont with subset: true) and its
 * drawText, which lays out every string through fontkit, then save. No line breaking, so a lower bound.
 */
async function pdfLibSubset(input: ComposeInput): Promise<number> {
  const times: number[] = [];
  const lines = filledText(input).split('\n');
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(input.font, { subset: true });
    let page = doc.addPage();
    lines.forEach((line, n) => {
      if (n % 40 === 39) page = doc.addPage();
      if (line) page.drawText(line.slice(0, 28), { font, size: 16, x: 80, y: 800 - (n % 40) * 19 });
      if (line.length > 28) page.drawText(line.slice(28), { font, size: 16, x: 80, y: 790 - (n % 40) * 19 });
    });
    await doc.save();
    times.push(performance.now() - start);
  }
  return median(times.slice(1));
}

/** Runs bench/first-pledge.ts in a new Node process: its first composition, and that process's peak memory. */
function firstInFreshProcess(root: string): { text: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'first-pledge.ts')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return { text: `failed: ${result.stderr.slice(0, 200)}` };
  const r = JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { fontRead: number; first: number; second: number; rssBefore: number; peakRss: number };
  return {
    text: `${ms(r.first)} (font read ${ms(r.fontRead)} of it), then ${ms(r.second)}; peak RSS ${r.peakRss.toFixed(0)} MB (${r.rssBefore.toFixed(0)} MB before composing)`,
  };
}

/**
 * LibreOffice headless converting the filled text (.txt, UTF-8) to PDF: once with a fresh profile (its
 * first-start cost), then again with the profile it made. Each is a new soffice process, as a server would run it.
 */
function libreOffice(text: string): { first?: number; second?: number; bytes?: number; note: string } {
  if (!existsSync('/usr/bin/soffice')) return { note: 'LibreOffice not installed (apt libreoffice-writer-nogui)' };
  const dir = mkdtempSync(join(tmpdir(), 'pledge-lo-'));
  try {
    const source = join(dir, 'pledge.txt');
    writeFileSync(source, text);
    const run = (): number => {
      const start = performance.now();
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'pdf', '--outdir', dir, source],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
      return performance.now() - start;
    };
    const first = run();
    const second = Math.min(run(), run());
    return { first, second, bytes: readFileSync(join(dir, 'pledge.pdf')).length, note: '' };
  } catch (error) {
    return { note: `LibreOffice failed: ${(error as Error).message.slice(0, 120)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
