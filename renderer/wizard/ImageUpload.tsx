import { useId, useState } from 'react';
import { t } from '../i18n/t';
import { processUploadedImage } from './image-canvas';
import { imageFileProblem } from './signature-image';

interface Props {
  kind: 'signature' | 'seal';
  /** Accessible name of the file input. */
  label: string;
  hint: string;
  previewLabel: string;
  value: string | null;
  onChange: (png: string | null) => void;
  testId?: string;
}

/** A PNG/JPEG upload whose white background is removed (and a seal recoloured red) locally, with a preview. */
export function ImageUpload({ kind, label, hint, previewLabel, value, onChange, testId }: Props) {
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const found = imageFileProblem(file);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      const png = await processUploadedImage(file, kind);
      if (!png) setProblem(t.sign.imageBlank);
      onChange(png);
    } catch {
      setProblem(t.sign.imageUnreadable);
      onChange(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className={`image-upload image-upload-${kind}`} data-testid={testId}>
      <span className="image-upload-row">
        <label className="btn btn-small" htmlFor={inputId}>
          {t.sign.chooseImage}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/png,image/jpeg"
          aria-label={label}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="form-hint">{busy ? t.sign.processing : hint}</span>
      </span>
      {value && (
        <span className="image-preview-row">
          <img className={`image-preview image-preview-${kind}`} src={value} alt={previewLabel} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setProblem(null);
              onChange(null);
            }}
          >
            {t.sign.remove}
          </button>
        </span>
      )}
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
