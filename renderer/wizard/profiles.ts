import type { Profile, Signer } from '../../electron/shared/dto';

/** The signer stored in a profile (without its id and time). */
export function profileSigner(profile: Profile): Signer {
  const signer: Signer = { type: profile.type, name: profile.name };
  for (const key of ['organisation', 'idNumber', 'creditCode', 'phone', 'address'] as const) {
    const value = profile[key];
    if (value !== undefined && value !== '') signer[key] = value;
  }
  return signer;
}

const norm = (s: string | undefined): string => (s ?? '').trim();

/**
 * Which profile "保存为常用签署人" updates: the one chosen in the picker (if it still exists), else the one of the
 * same merchant (same name and organisation), else none (a new profile). One profile per merchant.
 */
export function profileToUpdate(profiles: readonly Profile[], chosenId: string | null, signer: Signer): string | undefined {
  if (chosenId && profiles.some((p) => p.id === chosenId)) return chosenId;
  const same = profiles.find((p) => norm(p.name) === norm(signer.name) && norm(p.organisation) === norm(signer.organisation));
  return same?.id;
}

/** The signer with surrounding spaces removed and empty details left out, as stored in a profile. */
export function cleanSigner(signer: Signer): Signer {
  const out: Signer = { type: signer.type, name: signer.name.trim() };
  for (const key of ['organisation', 'idNumber', 'creditCode', 'phone', 'address'] as const) {
    const value = norm(signer[key]);
    if (value !== '') out[key] = value;
  }
  return out;
}
