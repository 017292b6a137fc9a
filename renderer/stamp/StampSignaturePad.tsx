import { t } from '../i18n/t';
import { trimmedPng } from '../wizard/image-canvas';
import { PAD_SCALE, useSignaturePad } from '../wizard/use-signature-pad';

/** CSS size of the pad (its bitmap is 3× larger). */
const CSS_WIDTH = 360;
const CSS_HEIGHT = 130;

/** The pad's drawing cropped to its ink (plus a small margin), so the stamp box holds the signature, not air. */
function trimmed(canvas: HTMLCanvasElement): string | null {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return ctx ? trimmedPng(canvas, ctx, 4 * PAD_SCALE) : null;
}

/** A handwritten-signature pad (the wizard's signature_pad approach): a transparent PNG at 3×, trimmed. */
export function StampSignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const { canvasRef, problem, clear } = useSignaturePad(CSS_WIDTH, CSS_HEIGHT, onChange, (canvas) => trimmed(canvas));

  return (
    <div className="stamp-pad">
      <canvas
        ref={canvasRef}
        className="signature-pad"
        style={{ width: `${CSS_WIDTH}px`, height: `${CSS_HEIGHT}px` }}
        role="img"
        aria-label={t.stamp.padLabel}
        data-testid="stamp-signature-pad"
      />
      <div className="signature-tools">
        <span className="form-hint">{t.sign.padHint}</span>
        <button type="button" className="btn btn-small" onClick={clear}>
          {t.sign.clear}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
