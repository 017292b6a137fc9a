import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import type { TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { drawingProblem } from './signature-image';

/** CSS size of the pad; the bitmap is `SCALE` times larger so the PNG stays sharp when printed. */
const CSS_WIDTH = 420;
const CSS_HEIGHT = 140;
const SCALE = 3;

interface Props {
  field: TemplateField;
  /** A PNG data URL after each stroke; null once cleared or while the drawing is too small or too simple. */
  onChange: (png: string | null) => void;
}

/** A handwritten-signature pad for one signature field, exporting a transparent PNG at 3× its CSS size. */
export function SignaturePadField({ field, onChange }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Why: signature_pad takes points in CSS pixels; a 3× bitmap with a 3× context keeps strokes where drawn.
    canvas.width = CSS_WIDTH * SCALE;
    canvas.height = CSS_HEIGHT * SCALE;
    canvas.getContext('2d')?.scale(SCALE, SCALE);
    const pad = new SignaturePad(canvas, { penColor: '#14171c', minWidth: 0.9, maxWidth: 3, backgroundColor: 'rgba(0,0,0,0)' });
    const onEnd = (): void => {
      const found = drawingProblem(
        pad.toData().map((group) => group.points),
        CSS_WIDTH,
      );
      setProblem(found);
      changed.current(pad.isEmpty() || found ? null : pad.toDataURL('image/png'));
    };
    pad.addEventListener('endStroke', onEnd);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = (): void => {
    padRef.current?.clear();
    setProblem(null);
    changed.current(null);
  };

  return (
    <span className="signature-field" data-field-id={field.id}>
      <canvas
        ref={canvasRef}
        className="signature-pad"
        style={{ width: `${CSS_WIDTH}px`, height: `${CSS_HEIGHT}px` }}
        role="img"
        aria-label={t.sign.padLabel(field.label)}
        data-field-id={field.id}
      />
      <span className="signature-tools">
        <span className="form-hint">{t.sign.padHint}</span>
        <button type="button" className="btn btn-small" onClick={clear}>
          {t.sign.clear}
        </button>
      </span>
      {problem && (
        <span className="field-error" role="status" data-testid="drawing-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
