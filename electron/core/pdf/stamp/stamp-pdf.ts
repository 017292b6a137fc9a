import { CoreError } from '../../errors';
import { crossPageSealStrips } from './cross-page-seal';
import { drawInView } from './draw-in-view';
import { dropStaleXrefStreams } from './drop-stale-xref-streams';
import { embedStampAssets } from './embed-stamp-assets';
import { mentionsByteRange } from './has-digital-signature';
import { checkPdfBytes, loadPdf } from './load-pdf';
import type { PageFrame } from './page-frame';
import { planPlacements } from './plan-placements';
import { FlattenFailed, prepareForm } from './prepare-form';
import { readPageFrame } from './read-page-frame';
import { sourceWarnings } from './source-warnings';
import { StampError } from './stamp-errors';
import type { StampLimits, StampOptions, StampResult } from './stamp-options';
import { validateStampOptions } from './validate-stamp-options';
import { verifyStamped } from './verify-stamped';

/**
 * Why: @cantoo/pdf-lib's object-stream writer files each cross-reference entry with a linear search, so saving
 * is quadratic in the object count (65,000 objects: 5 s, against 0.6 s with a classic xref table). Above this
 * many objects the output gets a classic table: larger, but linear. `objectsPerTick: Infinity` (load, save)
 * likewise stops pdf-lib yielding to the event loop every 50 objects, which tripled the time on such files.
 */
const OBJECT_STREAM_LIMIT = 10_000;

/**
 * Why: pdf-lib reports a malformed object deep inside a page (a dictionary where a stream belongs, a broken
 * font) by throwing plain `Error`s from wherever it trips over it. For the user that is a damaged PDF; the
 * original message is kept for the log.
 */
function asKnownError(error: unknown): Error {
  if (error instanceof StampError || error instanceof CoreError) return error;
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
  return new StampError('PDF_DAMAGED', `the PDF is damaged and could not be stamped (${text})`);
}

interface Mode {
  incremental: boolean;
  flatten: boolean;
}

async function run(bytes: Uint8Array, options: StampOptions, limits: StampLimits, dateText: string | undefined, mode: Mode): Promise<StampResult> {
  const checkTime = (phase: string): void => {
    const d = limits.deadline;
    if (d && d.now() > d.at) throw new StampError('PDF_TIMEOUT', `stamping went over its time limit while ${phase}`);
  };
  const loadOptions = { maxBytes: limits.maxBytes, ...(options.password !== undefined ? { password: options.password } : {}) };
  let loaded = await loadPdf(bytes, { ...loadOptions, forIncrementalUpdate: mode.incremental });
  let incremental = mode.incremental;
  if (incremental && loaded.encryption !== 'none') {
    // Why: an increment to an encrypted file would have to be encrypted too; write a decrypted whole file instead.
    incremental = false;
    loaded = await loadPdf(bytes, loadOptions);
  }
  checkTime('loading');
  const { doc, pageCount } = loaded;
  if (!incremental) dropStaleXrefStreams(doc);
  const warnings = sourceWarnings(loaded, bytes, incremental);

  const assets = await embedStampAssets(doc, options, dateText);
  prepareForm(doc, options.fillForm, mode.flatten, assets.font, warnings);
  checkTime('preparing the form');

  const pages = doc.getPages();
  const frameCache = new Map<number, PageFrame>();
  const frames = (i: number): PageFrame => {
    let frame = frameCache.get(i);
    if (!frame) frameCache.set(i, (frame = readPageFrame(pages[i]!)));
    return frame;
  };
  const plan = planPlacements(options, frames, pageCount, assets, warnings);
  if (options.crossPageSeal && assets.seal) {
    const strips = crossPageSealStrips([...Array(pageCount).keys()].map(frames), assets.seal.width / assets.seal.height);
    if (strips.length === 0) warnings.push({ code: 'cross-page-seal-single-page', message: 'the PDF has one page, so no cross-page seal was stamped' });
    for (const strip of strips) {
      plan.add(strip.pageIndex, { kind: 'image', image: assets.seal, rect: strip.image, clip: strip.clip, fit: 'fill' }, 'seal');
    }
  }
  const stamped = [...plan.ops.keys()].sort((a, b) => a - b);
  for (const index of stamped) drawInView(pages[index]!, frames(index), plan.ops.get(index)!);
  checkTime('drawing');

  const out = incremental
    ? await doc.commit({ objectsPerTick: Infinity })
    : await doc.save({
        objectsPerTick: Infinity,
        // Why only ever `false`: left alone, cantoo picks object streams except for PDF/A-1, which forbids them.
        ...(doc.context.enumerateIndirectObjects().length > OBJECT_STREAM_LIMIT ? { useObjectStreams: false } : {}),
      });
  checkTime('saving');
  await verifyStamped(out, pageCount, stamped);
  return { bytes: out, warnings, stampedPages: stamped.map((i) => i + 1), placed: plan.placed, incremental };
}

/**
 * Stamps a signature, and optionally a seal, a date and a cross-page seal (骑缝章), onto an existing PDF;
 * optionally fills and flattens its form. Bytes in, bytes out; the clock comes in through `limits.deadline`.
 * Safe to call in a worker thread (`stamp-worker.ts`), which is how the host should run it.
 *
 * Placement: see `Placement` (view space, upright for the reader whatever `/Rotate`, from the crop box's
 * visible bottom-left corner). Without placements: signature, date and seal at the bottom right of the last
 * page (`defaultPlacements`). `result.placed` says where everything went.
 *
 * Input problems are errors, never a silently unstamped file: PDF_NOT_PDF, PDF_DAMAGED, PDF_ENCRYPTED (needs a
 * password), PDF_TOO_LARGE, PDF_TIMEOUT (StampError); VALIDATION, INVALID_IMAGE, FONT_MISSING_GLYPHS
 * (CoreError). After saving, the output is parsed again and every stamped page is checked for the stamp
 * (`verifyStamped`). Permissions-only encryption is removed (warning `decrypted`). A digitally signed PDF is
 * stamped as an incremental update, which keeps its signature valid for the revision it signed (`pdfsig`:
 * "Signature is Valid", "Not total document signed"; warning `signature-kept`); when the file is rewritten
 * instead (encrypted, flattening, `preserveSignatures: false`) the warning is `breaks-signature`.
 *
 * Why `@cantoo/pdf-lib` 2.11.1 with `@cantoo/fontkit` 2.0.12, not pdf-lib 1.17.1 with `@pdf-lib/fontkit` 1.1.1.
 * Measured on the 68 files of `../shared/corpus/pdfs/` (signature + date on the last page; qpdf --check and
 * a poppler render of the stamped page; `test/integration/stamp-corpus.test.ts`, lib swapped by an alias):
 * - stamped and visible: cantoo 51; stock 0 — @pdf-lib/fontkit corrupts glyphs when it subsets LXGW WenKai
 *   ("2026年11月28日" renders blank in poppler and Ghostscript) — and 48 with the signature alone: the stock
 *   parser cannot open the 3 files encrypted for permissions only.
 * - refused with a clear StampError: cantoo 17 (8 PDF_ENCRYPTED that need a password, 9 PDF_DAMAGED), stock 20.
 * - time per file: the same within noise (signature only: median 9 vs 6 ms, whole corpus 4.0 vs 3.1 s, most of
 *   it one file with 65,000 objects); 200 pages with signature and date: 37–46 ms warm, 136–162 ms cold
 *   (stock: 51–81 / 161–277 ms, without a visible date).
 * - only the fork saves incremental updates (signed PDFs keep a valid signature), keeps PDF/A-1 files free of
 *   object streams, and is maintained (pdf-lib's last release was in 2021).
 * Its quirks, worked around here: decrypted literal strings come out unescaped and a decrypted trailer
 * loses /Info (`repairDecrypted`), stale XRef streams survive decryption (`dropStaleXrefStreams`), writing
 * object streams is quadratic (above), and its subsetter needs fontkit 2: with `@pdf-lib/fontkit` it throws.
 */
export async function stampPdf(bytes: Uint8Array, options: StampOptions, limits: StampLimits = {}): Promise<StampResult> {
  const dateText = validateStampOptions(options);
  checkPdfBytes(bytes, limits.maxBytes);
  const signed = options.preserveSignatures !== false && mentionsByteRange(bytes);
  const flatten = options.flattenForm === true;
  try {
    try {
      return await run(bytes, options, limits, dateText, { incremental: signed && !flatten, flatten });
    } catch (error) {
      if (!(error instanceof FlattenFailed)) throw error;
      const result = await run(bytes, options, limits, dateText, { incremental: signed, flatten: false });
      result.warnings.push({ code: 'form-not-flattened', message: `the form could not be flattened (${error.message}); its fields were filled and kept` });
      return result;
    }
  } catch (error) {
    throw asKnownError(error);
  }
}
