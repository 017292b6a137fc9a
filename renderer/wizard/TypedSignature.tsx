import { useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { renderTypedName } from './image-canvas';

interface Props {
  label: string;
  /** The name offered at first (the signer's). */
  initialName: string;
  onChange: (png: string | null) => void;
}

/** "输入姓名": the typed name rendered to a PNG in the Kai handwriting face, with its preview. */
export function TypedSignature({ label, initialName, onChange }: Props) {
  const [name, setName] = useState(initialName);
  const [png, setPng] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void renderTypedName(name).then(
      (image) => {
        if (!live) return;
        setPng(image);
        onChange(image);
      },
      () => live && onChange(null),
    );
    return () => {
      live = false;
    };
    // Why: re-render the image only when the name changes; onChange is a fresh closure on every render.
  }, [name]);

  return (
    <span className="typed-signature">
      <input className="typed-name" type="text" value={name} maxLength={40} aria-label={t.sign.typedLabel(label)} onChange={(e) => setName(e.target.value)} />
      <span className="typed-preview-box">
        {png ? <img className="typed-preview" src={png} alt={t.sign.typedPreview(name.trim())} /> : <span className="form-hint">{t.sign.typedEmpty}</span>}
      </span>
      <span className="form-hint">{t.sign.typedHint}</span>
    </span>
  );
}
