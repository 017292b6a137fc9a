import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseResult, byteMutation, documentSeeds, importCase, mutateBytes } from '../../../../support/core-fuzz';

/**
 * Issue 7: "template import … under fast-check with random and mutated inputs: no crash, no hang (each input
 * under 2 s)". Bytes go through the whole import (format sniffing, mammoth for .docx, word-extractor for .doc,
 * HTML to text, decoding, pledge parsing); each must end in templates or a CoreError with an import code
 * (IMPORT_EMPTY / _TOO_LARGE / _UNSUPPORTED / _DAMAGED) within 2 s. Seeded and bounded; `npm run bench`
 * (bench/fuzz.ts) runs more.
 */

const SEED = 77;
const MAX_MS = 2_000;
const seeds = documentSeeds();

const MAGIC: Record<string, number[]> = {
  none: [],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  pdf: [...Buffer.from('%PDF-1.7\n')],
  utf8Bom: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  html: [...Buffer.from('<!doctype html><p>')],
};

/** Runs one case and fails with the input's description on a crash or a slow call. */
function expectClean(result: CaseResult, label: string): void {
  expect(result.problem, label).toBeNull();
  expect(result.ms, `${label}: ${Math.round(result.ms)} ms`).toBeLessThan(MAX_MS);
}

describe('template import fuzzing', () => {
  it('has its seeds: the shared seed page, a .doc, a .docx and text fixtures', () => {
    expect(seeds.map((s) => s.name)).toEqual(expect.arrayContaining(['ecommerce-service-pledge.book118-page.txt', 'word97.doc', 'made.docx']));
  });

  it('random bytes named .docx/.doc/.html/.txt/.md, behind a ZIP, OLE, PDF, BOM or HTML header', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(MAGIC)),
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.docx', 'x.doc', 'x.html', 'x.txt', 'x.md', 'noext', ''),
        async (magic, body, name) => {
          const bytes = new Uint8Array([...(MAGIC[magic] as number[]), ...body]);
          const result = await importCase(bytes, name);
          outcomes.add(result.outcome);
          expectClean(result, `${magic}+${body.length} bytes as "${name}"`);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    // The inputs reach the decoders' refusals, not one early exit.
    expect([...outcomes]).toEqual(expect.arrayContaining(['IMPORT_DAMAGED', 'IMPORT_UNSUPPORTED']));
  }, 90_000);

  it('mutated real documents (byte flips, truncation, splices, duplicated and deleted ranges, huge lines)', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), byteMutation, async (pick, mutation) => {
        const bytes = mutateBytes(seeds, pick, mutation);
        const name = (seeds[pick % seeds.length] as { name: string }).name;
        const result = await importCase(bytes, name);
        outcomes.add(result.outcome);
        expectClean(result, `${name} ${JSON.stringify(mutation).slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(outcomes.has('templates')).toBe(true);
  }, 90_000);

  it('random text, with and without pledge words, and lines up to a megabyte long', async () => {
    const words = fc.constantFrom('承诺书', '一、', '（一）', '1.', '__________', '□企业□个人', '承诺人签名：', '日期：', '\n', '。', ' ', '\u3000');
    const text = fc.oneof(
      fc.string({ maxLength: 2000, unit: 'binary' }),
      fc.array(fc.oneof(words, fc.string({ maxLength: 20 })), { maxLength: 400 }).map((parts) => parts.join('')),
      fc.tuple(fc.integer({ min: 10_000, max: 1_000_000 }), fc.constantFrom('承', 'a', '_', '一、', ' ')).map(([n, c]) => `承诺书\n${c.repeat(Math.ceil(n / c.length))}\n承诺人签名：__________`),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('x.txt', 'x.md', 'x.html'), async (t, name) => {
        expectClean(await importCase(new TextEncoder().encode(t), name), `${t.length} chars as ${name}: ${JSON.stringify(t.slice(0, 80))}`);
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 90_000);
});
