import { useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { Signer } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { Dialog } from '../components/Dialog';
import { useLocale } from '../i18n/locale-context';
import { cleanSigner, profileSigner, profileToUpdate } from './profiles';

interface Props {
  signer: Signer;
  /** Fills the form (and the draft) with a chosen profile. */
  onPick: (signer: Signer) => void;
}

/** "选择常用签署人" and "保存为常用签署人": saved signers on this machine, one per merchant. */
export function SignerProfiles({ signer, onPick }: Props) {
  const { t } = useLocale();
  const selectId = useId();
  const [profiles, reload] = useApi(() => call('profiles.list', {}), [], { keepPrevious: true });
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: ApiError } | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const list = profiles.state === 'ok' ? profiles.value : [];
  const target = profileToUpdate(list, chosen, signer);

  const pick = (id: string): void => {
    setStatus(null);
    const profile = list.find((p) => p.id === id);
    setChosen(profile ? id : null);
    if (profile) onPick(profileSigner(profile));
  };

  const save = async (): Promise<void> => {
    if (signer.name.trim() === '') {
      setStatus({ text: t.profiles.needName });
      return;
    }
    setSaving(true);
    const res = await call('profiles.save', { ...(target ? { id: target } : {}), signer: cleanSigner(signer) });
    setSaving(false);
    if (!res.ok) {
      setStatus({ text: t.error(res.error.code), error: res.error });
      return;
    }
    setChosen(res.value.id);
    setStatus({ text: t.profiles.saved(signer.name.trim()) });
    reload();
  };

  const chosenProfile = list.find((p) => p.id === chosen) ?? null;
  // Deleting a profile also deletes its saved signatures and seals; signed pledges keep their own copies.
  const remove = async (): Promise<void> => {
    if (!chosenProfile) return;
    setConfirmDelete(false);
    const res = await call('profiles.delete', { id: chosenProfile.id });
    if (!res.ok) {
      setStatus({ text: t.error(res.error.code), error: res.error });
      return;
    }
    setChosen(null);
    setStatus({ text: t.profiles.deleted(chosenProfile.name) });
    reload();
  };

  return (
    <div className="signer-profiles" data-testid="signer-profiles">
      <div className="form-row">
        <label className="form-label" htmlFor={selectId}>
          {t.profiles.choose}
        </label>
        <select
          id={selectId}
          className="text-input select-input"
          value={chosen ?? ''}
          onChange={(e) => pick(e.target.value)}
          disabled={list.length === 0}
        >
          <option value="">{t.profiles.none}</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {t.profiles.option(p.name, p.organisation)}
            </option>
          ))}
        </select>
        <span className="profile-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={saving}
            title={target ? t.profiles.update : undefined}
            onClick={() => void save()}
            data-action="save-profile"
          >
            {saving ? t.profiles.saving : t.profiles.save}
          </button>
          {chosenProfile && (
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmDelete(true)} data-action="delete-profile">
              {t.profiles.delete}
            </button>
          )}
        </span>
      </div>
      <p className={`form-hint profile-status${status?.error ? ' form-hint-warn' : ''}`} role="status" aria-live="polite">
        {status?.text ?? t.profiles.hint}
      </p>
      {confirmDelete && chosenProfile && (
        <Dialog heading={t.profiles.deleteHeading(chosenProfile.name)} tone="danger" onClose={() => setConfirmDelete(false)} testId="delete-profile-dialog">
          <p>{t.profiles.deleteBody}</p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-danger-solid" onClick={() => void remove()}>
              {t.profiles.deleteConfirm}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setConfirmDelete(false)}>
              {t.profiles.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
