import { useCallback } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ProfileAsset, ProfileAssetKind, Signer } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { profileToUpdate } from './profiles';

/** The saved signatures and seals of one profile, shared by every signature field and the seal of a screen. */
export interface ProfileAssets {
  /** The profile they belong to; null when the signer has no saved profile (nothing to list or save). */
  profileId: string | null;
  /** The signer's name as the profile has it, for the "saved" message. */
  profileName: string;
  assets: ProfileAsset[];
  /** Saves a PNG data URL; resolves to the error, or to whether the profile held it already. */
  save: (kind: ProfileAssetKind, label: string, png: string) => Promise<{ error: ApiError } | { existing: boolean }>;
  remove: (id: string) => Promise<ApiError | null>;
}

/** Loads (and reloads after each save or delete) the assets of `profileId`. */
export function useProfileAssets(profileId: string | null, profileName: string): ProfileAssets {
  const [loaded, reload] = useApi(
    () => (profileId ? call('profiles.listAssets', { profileId }) : Promise.resolve({ ok: true as const, value: [] as ProfileAsset[] })),
    [profileId],
    { keepPrevious: true },
  );
  const save = useCallback(
    async (kind: ProfileAssetKind, label: string, png: string) => {
      if (!profileId) return { error: { code: 'PROFILE_NOT_FOUND' as const, message: 'no profile' } };
      const res = await call('profiles.saveAsset', { profileId, kind, label: label.slice(0, 60), png });
      if (!res.ok) return { error: res.error };
      reload();
      return { existing: res.value.existing };
    },
    [profileId, reload],
  );
  const remove = useCallback(
    async (id: string) => {
      const res = await call('profiles.deleteAsset', { id });
      reload();
      return res.ok ? null : res.error;
    },
    [reload],
  );
  return { profileId, profileName, assets: loaded.state === 'ok' ? loaded.value : [], save, remove };
}

/**
 * The assets of the signer's own profile: the saved profile of the same merchant (same name and organisation,
 * as "保存为常用签署人" matches them), or none.
 */
export function useSignerProfileAssets(signer: Signer): ProfileAssets {
  const [profiles] = useApi(() => call('profiles.list', {}), []);
  const list = profiles.state === 'ok' ? profiles.value : [];
  const id = signer.name.trim() === '' ? null : (profileToUpdate(list, null, signer) ?? null);
  return useProfileAssets(id, list.find((p) => p.id === id)?.name ?? '');
}
