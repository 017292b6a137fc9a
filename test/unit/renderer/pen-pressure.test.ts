import { describe, expect, it } from 'vitest';
import { FIRMEST, LIGHTEST, pressureWidths } from '../../../renderer/wizard/pen-pressure';
import { PAD_WIDTHS } from '../../../renderer/wizard/use-signature-pad';

describe('pressureWidths', () => {
  it('scales a pen stroke with its pressure: lighter is thinner, firmer is thicker, 0.5 is the normal width', () => {
    const at = (p: number): number => pressureWidths(PAD_WIDTHS, 'pen', p).maxWidth;
    expect(at(0.5)).toBeCloseTo(PAD_WIDTHS.maxWidth);
    expect(at(1)).toBeCloseTo(PAD_WIDTHS.maxWidth * FIRMEST);
    expect(at(0.01)).toBeCloseTo(PAD_WIDTHS.maxWidth * (LIGHTEST + (1 - LIGHTEST) * 0.02));
    const widths = [0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 1].map(at);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] as number);
    expect(pressureWidths(PAD_WIDTHS, 'pen', 0.9).minWidth / PAD_WIDTHS.minWidth).toBeCloseTo(at(0.9) / PAD_WIDTHS.maxWidth);
  });

  it('leaves mouse and touch strokes, a pen without pressure, and out-of-range readings alone or clamped', () => {
    expect(pressureWidths(PAD_WIDTHS, 'mouse', 0.5)).toBe(PAD_WIDTHS);
    expect(pressureWidths(PAD_WIDTHS, 'mouse', 1)).toBe(PAD_WIDTHS);
    expect(pressureWidths(PAD_WIDTHS, 'touch', 0.9)).toBe(PAD_WIDTHS);
    expect(pressureWidths(PAD_WIDTHS, 'pen', 0)).toBe(PAD_WIDTHS);
    expect(pressureWidths(PAD_WIDTHS, 'pen', Number.NaN)).toBe(PAD_WIDTHS);
    expect(pressureWidths(PAD_WIDTHS, 'pen', 3).maxWidth).toBeCloseTo(PAD_WIDTHS.maxWidth * FIRMEST);
  });
});
