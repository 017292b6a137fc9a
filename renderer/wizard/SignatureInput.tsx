import { useState } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { ImageUpload } from './ImageUpload';
import { SignaturePadField } from './SignaturePadField';
import { TypedSignature } from './TypedSignature';

export type SignatureMethod = 'draw' | 'type' | 'upload';
const METHODS: readonly SignatureMethod[] = ['draw', 'type', 'upload'];

interface Props {
  field: TemplateField;
  signerName: string;
  onChange: (png: string | null) => void;
}

/**
 * One signature field: 手写 / 输入姓名 / 上传图片. Every method keeps its own image, so switching back and forth
 * loses nothing; the field's signature is the image of the chosen method.
 */
export function SignatureInput({ field, signerName, onChange }: Props) {
  const [method, setMethod] = useState<SignatureMethod>('draw');
  const [images, setImages] = useState<Record<SignatureMethod, string | null>>({ draw: null, type: null, upload: null });

  const update = (which: SignatureMethod, png: string | null): void => {
    setImages((prev) => ({ ...prev, [which]: png }));
    if (which === method) onChange(png);
  };
  const choose = (next: SignatureMethod): void => {
    setMethod(next);
    onChange(images[next]);
  };

  return (
    <span className="signature-input" data-signature-field={field.id}>
      <span className="segmented" role="radiogroup" aria-label={t.sign.methodLabel(field.label)}>
        {METHODS.map((m) => (
          <label key={m} className={m === method ? 'segment active' : 'segment'}>
            <input type="radio" name={`sig-method-${field.id}`} value={m} checked={m === method} onChange={() => choose(m)} />
            {t.sign.methods[m]}
          </label>
        ))}
      </span>
      {/* Why: panels stay mounted (hidden), so the pad keeps its strokes while another method is shown. */}
      <span hidden={method !== 'draw'}>
        <SignaturePadField field={field} onChange={(png) => update('draw', png)} />
      </span>
      {method === 'type' && <TypedSignature label={field.label} initialName={signerName} onChange={(png) => update('type', png)} />}
      <span hidden={method !== 'upload'}>
        <ImageUpload
          kind="signature"
          label={t.sign.uploadLabel(field.label)}
          hint={t.sign.imageHint}
          previewLabel={t.sign.imagePreview(field.label)}
          value={images.upload}
          onChange={(png) => update('upload', png)}
        />
      </span>
    </span>
  );
}
