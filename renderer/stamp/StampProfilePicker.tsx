import { useId } from 'react';
import type { Profile } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { useLocale } from '../i18n/locale-context';

interface Props {
  profileId: string | null;
  /** The chosen profile (its name and type fill the signer), or null for none. */
  onPick: (profile: Profile | null) => void;
}

/** "常用签署人" on the stamping screen: fills the signer and makes the profile's saved images available. */
export function StampProfilePicker({ profileId, onPick }: Props) {
  const { t } = useLocale();
  const id = useId();
  const [profiles] = useApi(() => call('profiles.list', {}), []);
  const list = profiles.state === 'ok' ? profiles.value : [];
  if (list.length === 0) return null;
  return (
    <>
      <label htmlFor={id}>{t.savedImages.profile}</label>
      <select id={id} value={profileId ?? ''} onChange={(e) => onPick(list.find((p) => p.id === e.target.value) ?? null)} data-testid="stamp-profile">
        <option value="">{t.savedImages.chooseProfile}</option>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {t.profiles.option(p.name, p.organisation)}
          </option>
        ))}
      </select>
    </>
  );
}
