import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/*
 * Font subsetting with harfbuzz's hb-subset, compiled to WebAssembly (npm `harfbuzzjs`, MIT). pdf-lib's own
 * subsetter (@pdf-lib/fontkit) takes 350–800 ms per pledge on our 15.7 MB body font; hb-subset cuts the same
 * subset in about 20 ms cold and about 1–3 ms warm, because the parsed face stays in WebAssembly memory between
 * documents (see the face cache below). The result is an ordinary TrueType file, embedded by pdf-lib as is.
 */

/** The little of the WebAssembly API used here (the project's `lib` is ES2022 without the WebAssembly types). */
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

interface Harfbuzz {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/**
 * Tables left out of every subset. Without GSUB/GPOS/GDEF, text maps one character to one glyph through the
 * cmap, so the ToUnicode map and the widths pdf-lib writes cover every glyph drawn (a ligature or a contextual
 * form would be a glyph outside both: invisible to pdftotext). Vertical metrics and hinting are not used by
 * any PDF renderer for horizontal text at print resolution.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'kern', 'vhea', 'vmtx', 'VORG', 'DSIG', 'FFTM', 'LTSH', 'hdmx', 'VDMX'];

const tag = (name: string): number => [...name].reduce((value, c) => ((value << 8) | c.charCodeAt(0)) >>> 0, 0);

let harfbuzz: Promise<Harfbuzz> | null = null;

/**
 * Where `harfbuzzjs` is installed. In the esbuild bundles (app, CLI) and under vitest `require` is Node's own
 * and resolves from the bundle's folder; plain ESM runs (tsx: the bench) have no `require` and no usable
 * `import.meta` in the bundled form, so they resolve from the working directory, which is the repo there.
 */
function wasmPath(): string {
  const resolver = typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));
  return resolver.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

/** Compiles and starts hb-subset once per process (about 5–10 ms). */
export function loadHarfbuzz(): Promise<Harfbuzz> {
  harfbuzz ??= WebAssembly.instantiate(readFileSync(wasmPath()), {}).then(({ instance }) => {
    const hb = instance.exports as unknown as Harfbuzz;
    hb._initialize();
    return hb;
  });
  return harfbuzz;
}

interface CachedFace {
  face: number;
  buffer: number;
  bytes: number;
}

/**
 * Parsed faces, by font content. Copying a 15.7 MB font into WebAssembly memory and loading its tables is
 * most of a cold subset; keeping the face makes the next one a few milliseconds.
 *
 * Keyed by the font's table directory (every table's tag, checksum, offset and length) and its size: two
 * hosts in one process read the same file into different arrays, and must share one face, because
 * harfbuzzjs's WebAssembly memory is fixed at 65 MB (it cannot grow). So at most `MAX_FACE_BYTES` of fonts
 * are kept, least recently used first out, which leaves the rest for subsetting.
 */
const faces = new Map<string, CachedFace>();
const MAX_FACE_BYTES = 40 * 1024 * 1024;

function fontKey(font: Uint8Array): string {
  const tables = new DataView(font.buffer, font.byteOffset, font.byteLength).getUint16(4);
  return `${font.byteLength}:${Buffer.from(font.subarray(0, 12 + tables * 16)).toString('base64')}`;
}

function evict(hb: Harfbuzz, key: string): void {
  const entry = faces.get(key) as CachedFace;
  faces.delete(key);
  hb.hb_face_destroy(entry.face);
  hb.free(entry.buffer);
}

function faceFor(hb: Harfbuzz, font: Uint8Array): number {
  const key = fontKey(font);
  const cached = faces.get(key);
  if (cached) {
    faces.delete(key);
    faces.set(key, cached);
    return cached.face;
  }
  let held = [...faces.values()].reduce((sum, f) => sum + f.bytes, 0);
  for (const oldest of faces.keys()) {
    if (held + font.byteLength <= MAX_FACE_BYTES) break;
    held -= (faces.get(oldest) as CachedFace).bytes;
    evict(hb, oldest);
  }
  let buffer = hb.malloc(font.byteLength);
  if (buffer === 0) {
    [...faces.keys()].forEach((k) => evict(hb, k));
    buffer = hb.malloc(font.byteLength);
  }
  if (buffer === 0) throw new Error(`no room in harfbuzz's memory for a ${font.byteLength}-byte font`);
  new Uint8Array(hb.memory.buffer).set(font, buffer);
  const blob = hb.hb_blob_create(buffer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  faces.set(key, { face, buffer, bytes: font.byteLength });
  return face;
}

/**
 * A TrueType font cut down to the given code points (those the font lacks are simply absent from the result's
 * cmap: check coverage on the result). Glyph ids are renumbered; hinting and layout tables are dropped (see
 * `DROPPED_TABLES`). Throws if harfbuzz cannot read the font.
 */
export async function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Promise<Uint8Array> {
  const hb = await loadHarfbuzz();
  const face = faceFor(hb, font);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
  const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const name of DROPPED_TABLES) hb.hb_set_add(drop, tag(name));
  hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) throw new Error('hb_subset_or_fail failed: the font cannot be read');
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const data = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) throw new Error('hb-subset produced an empty font');
    // A copy: the WebAssembly memory is reused (and may grow, detaching views) on the next call.
    return new Uint8Array(hb.memory.buffer).slice(data, data + length);
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}
