import { describe, expect, it } from 'vitest';
import { pt } from '../../../../../electron/core/pdf/pdf-units';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from '../../../../support/make-png';
import { RESOURCES_DIR } from '../../../../support/paths';
import { benchStamp200, makeLongPdf } from '../../../../support/stamp-bench';

describe('stampPdf on a 200-page PDF', () => {
  it('stamps signature and date on the last page quickly (target 300 ms; asserted loosely here, measured in the bench)', async () => {
    const { times } = await benchStamp200(RESOURCES_DIR, 4);
    const warm = Math.min(...times.slice(1));
    console.log(`stamp 200 pages: ${times.map((t) => t.toFixed(0)).join(' / ')} ms`);
    expect(warm).toBeLessThan(1_000);
  });

  it('stamps initials on all 200 pages, and every page carries them', async () => {
    const result = await stampPdf(await makeLongPdf(200), {
      signature: makeSignaturePng(),
      placements: [{ page: 'all', what: 'signature', rect: { x: pt(500), y: pt(20), width: pt(60), height: pt(20) } }],
    });
    // stampPdf re-reads its output and checks each listed page for the stamp before returning.
    expect(result.stampedPages).toHaveLength(200);
    expect(result.placed.every((p) => p.what === 'signature')).toBe(true);
  });
});
