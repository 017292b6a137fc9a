import type { TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { useSignaturePad } from './use-signature-pad';

/** CSS size of the pad (its bitmap is 3× larger). */
const CSS_WIDTH = 420;
const CSS_HEIGHT = 140;

interface Props {
  field: TemplateField;
  /** A PNG data URL after each stroke; null once cleared or while the drawing is too small or too simple. */
  onChange: (png: string | null) => void;
}

/** A handwritten-signature pad for one signature field, exporting a transparent PNG at 3× its CSS size. */
export function SignaturePadField({ field, onChange }: Props) {
  const { canvasRef, problem, clear } = useSignaturePad(CSS_WIDTH, CSS_HEIGHT, onChange);

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
