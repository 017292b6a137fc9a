import { useState } from 'react';
import type { TemplateField } from '../../electron/shared/template';
import { t } from '../i18n/t';
import { ImageUpload } from './ImageUpload';
import { SavedImages } from './SavedImages';
import { SignaturePadField } from './SignaturePadField';
import { TypedSignature } from './TypedSignature';
import type { ProfileAssets } from './use-profile-assets';

export type SignatureMethod = 'draw' | 'type' | 'upload' | 'saved';
const MADE_HERE: readonly SignatureMethod[] = ['draw', 'type', 'upload'];

interface Props {
  field: TemplateField;
  signerName: string;
  onChange: (png: string | null) => void;
  /** The signer profile's saved images: offered for reuse, and the image made here can be saved to it. */
  saved?: ProfileAssets;
}

/**
 * One signature field: 手写 / 输入姓名 / 上传图片, plus 已保存 once a saved signature of the profile is chosen.
 * Every method keeps its own image, so switching back and forth loses nothing; the field's signature is the
 * image of the chosen method.
 */
export function SignatureInput({ field, signerName, onChange, saved }: Props) {
  const [method, setMethod] = useState<SignatureMethod>('draw');
  const [images, setImages] = useState<Record<SignatureMethod, string | null>>({ draw: null, type: null, upload: null, saved: null });
  const methods = images.saved ? [...MADE_HERE, 'saved' as const] : MADE_HERE;

  const update = (which: SignatureMethod, png: string | null): void => {
    setImages((prev) => ({ ...prev, [which]: png }));
    if (which === method) onChange(png);
  };
  const choose = (next: SignatureMethod): void => {
    setMethod(next);
    onChange(images[next]);
  };
  const useSaved = (png: string): void => {
    setImages((prev) => ({ ...prev, saved: png }));
    setMethod('saved');
    onChange(png);
  };

  return (
    <span className="signature-input" data-signature-field={field.id}>
      <span className="segmented" role="radiogroup" aria-label={t.sign.methodLabel(field.label)}>
        {methods.map((m) => (
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
      {method === 'saved' && images.saved && (
        <span className="image-preview-row">
          <img className="image-preview image-preview-signature" src={images.saved} alt={t.sign.imagePreview(field.label)} data-testid="saved-signature-preview" />
        </span>
      )}
      {/* Why: below the pad, so the save offer appearing after a stroke never moves the pad under the pen. */}
      {saved && (
        <SavedImages
          kind="signature"
          label={field.label}
          saved={saved}
          current={method === 'saved' ? null : images[method]}
          inUse={images[method]}
          onUse={useSaved}
        />
      )}
    </span>
  );
}
