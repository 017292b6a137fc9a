import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { pressureWidths } from './pen-pressure';
import type { StrokeWidths } from './pen-pressure';
import { drawingProblem } from './signature-image';

/** The pad's bitmap is this many times its CSS size, so the PNG stays sharp when printed. */
export const PAD_SCALE = 3;

/** Stroke widths in CSS pixels for a mouse, a finger, or a pen at its normal pressure. */
export const PAD_WIDTHS: StrokeWidths = { minWidth: 0.9, maxWidth: 3 };

export interface SignaturePadHandle {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** Why the drawing is refused (too small or too simple), in the UI language; null when it is fine. */
  problem: string | null;
  clear: () => void;
}

/**
 * A signature_pad on a canvas of `cssWidth` × `cssHeight` CSS pixels with a 3× bitmap. After each stroke
 * `onChange` gets `exportPng(canvas, pad)` — or null while the pad is empty or the drawing is refused.
 */
export function useSignaturePad(
  cssWidth: number,
  cssHeight: number,
  onChange: (png: string | null) => void,
  exportPng: (canvas: HTMLCanvasElement, pad: SignaturePad) => string | null = (_canvas, pad) => pad.toDataURL('image/png'),
): SignaturePadHandle {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const exporter = useRef(exportPng);
  exporter.current = exportPng;
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Why: signature_pad takes points in CSS pixels; a 3× bitmap with a 3× context keeps strokes where drawn.
    canvas.width = cssWidth * PAD_SCALE;
    canvas.height = cssHeight * PAD_SCALE;
    canvas.getContext('2d')?.scale(PAD_SCALE, PAD_SCALE);
    const pad = new SignaturePad(canvas, { penColor: '#14171c', ...PAD_WIDTHS, backgroundColor: 'rgba(0,0,0,0)' });
    // Why: signature_pad sizes strokes by speed only. A stroke starts with the pen's first pressure (the pad copies
    // its own widths into the new stroke), and before each later point the stroke's widths follow the pressure:
    // signature_pad reads them from the stroke (its point group) when it draws that point.
    const widthsOf = (e: Event): StrokeWidths => {
      const detail = (e as CustomEvent<{ event?: Event; pressure?: number }>).detail;
      const source = detail.event;
      const pointerType = source && 'pointerType' in source ? (source as PointerEvent).pointerType : 'mouse';
      return pressureWidths(PAD_WIDTHS, pointerType, detail.pressure ?? 0);
    };
    const onBegin = (e: Event): void => void Object.assign(pad, widthsOf(e));
    const onPoint = (e: Event): void => {
      const stroke = pad.toData().at(-1);
      if (stroke) Object.assign(stroke, widthsOf(e));
    };
    pad.addEventListener('beginStroke', onBegin);
    pad.addEventListener('beforeUpdateStroke', onPoint);
    const onEnd = (): void => {
      const found = drawingProblem(
        pad.toData().map((group) => group.points),
        cssWidth,
      );
      setProblem(found);
      changed.current(pad.isEmpty() || found ? null : exporter.current(canvas, pad));
    };
    pad.addEventListener('endStroke', onEnd);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', onEnd);
      pad.removeEventListener('beforeUpdateStroke', onPoint);
      pad.removeEventListener('beginStroke', onBegin);
      pad.off();
      padRef.current = null;
    };
  }, [cssWidth, cssHeight]);

  const clear = (): void => {
    padRef.current?.clear();
    setProblem(null);
    changed.current(null);
  };
  return { canvasRef, problem, clear };
}
