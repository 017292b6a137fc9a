import { useState } from 'react';
import type { ProfileAssetKind } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import type { ProfileAssets } from './use-profile-assets';

interface Props {
  kind: ProfileAssetKind;
  /** What the saved image is called when saved from here (e.g. the signature field's label). */
  label: string;
  saved: ProfileAssets;
  /** The image the user made here (drawn, typed or uploaded), offered for saving; null when there is none. */
  current: string | null;
  /** The image in use, to mark the saved one that is chosen. */
  inUse: string | null;
  onUse: (png: string) => void;
}

/**
 * The profile's saved signatures (or seals) as thumbnails to reuse with one click, and "保存到此档案以便下次使用"
 * for the image just drawn, typed or uploaded. Shows only a hint when the signer has no saved profile.
 */
export function SavedImages({ kind, label, saved, current, inUse, onUse }: Props) {
  const { t } = useLocale();
  const [status, setStatus] = useState<{ text: string; warn?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const mine = saved.assets.filter((a) => a.kind === kind);
  const kindName = t.savedImages.kind[kind];

  if (!saved.profileId) {
    return current ? <span className="form-hint saved-images-hint">{t.savedImages.noProfile}</span> : null;
  }
  const alreadySaved = current !== null && mine.some((a) => a.png === current);

  const save = async (): Promise<void> => {
    if (!current) return;
    setSaving(true);
    const res = await saved.save(kind, label, current);
    setSaving(false);
    if ('error' in res) setStatus({ text: t.error(res.error.code), warn: true });
    else setStatus({ text: res.existing ? t.savedImages.existing : t.savedImages.saved(saved.profileName) });
  };

  return (
    <span className={`saved-images saved-images-${kind}`} data-testid={`saved-${kind}s`}>
      {mine.length > 0 && (
        <span className="saved-images-list" role="group" aria-label={t.savedImages.heading[kind]}>
          <span className="form-hint">{t.savedImages.heading[kind]}</span>
          {mine.map((a) => {
            const name = a.label || kindName;
            const chosen = inUse === a.png;
            return (
              <span key={a.id} className={`saved-image${chosen ? ' is-chosen' : ''}`}>
                <button
                  type="button"
                  className="btn btn-small saved-image-use"
                  aria-pressed={chosen}
                  aria-label={t.savedImages.use(name, a.createdAt.slice(0, 10)) + (chosen ? t.savedImages.inUse : '')}
                  onClick={() => onUse(a.png)}
                  data-asset-id={a.id}
                >
                  <img src={a.png} alt="" className={`saved-image-thumb saved-image-thumb-${kind}`} />
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-link saved-image-remove"
                  aria-label={t.savedImages.remove(name)}
                  onClick={() => void saved.remove(a.id).then((e) => setStatus(e ? { text: t.error(e.code), warn: true } : { text: t.savedImages.removed }))}
                >
                  ×
                </button>
              </span>
            );
          })}
        </span>
      )}
      {current && !alreadySaved && (
        <button type="button" className="btn btn-small" disabled={saving} onClick={() => void save()} data-action={`save-${kind}-to-profile`}>
          {saving ? t.savedImages.saving : t.savedImages.save}
        </button>
      )}
      {status && (
        <span className={`form-hint${status.warn ? ' form-hint-warn' : ''}`} role="status">
          {status.text}
        </span>
      )}
    </span>
  );
}
