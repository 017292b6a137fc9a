import { useId, useState } from 'react';
import type { Signer } from '../../electron/shared/dto';
import { call, putBlob } from '../api/pledge';
import { t } from '../i18n/t';
import type { DigitalChoice } from './sign-options';
import { newPassphraseProblem } from './sign-options';

interface Props {
  value: DigitalChoice;
  signer: Signer;
  onChange: (next: DigitalChoice) => void;
}

type Source = 'upload' | 'generate';

/** "数字签名（可选）": a .p12/.pfx uploaded, or a self-signed identity made here, and its passphrase. */
export function DigitalSignatureField({ value, signer, onChange }: Props) {
  const fileId = useId();
  const [source, setSource] = useState<Source>('generate');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const set = (patch: Partial<DigitalChoice>): void => onChange({ ...value, ...patch });

  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setDone(null);
    if (!/\.(p12|pfx)$/i.test(file.name)) {
      setProblem(t.sign.digital.fileType);
      return;
    }
    setProblem(null);
    setBusy(t.sign.digital.uploading);
    const res = await putBlob(await file.arrayBuffer());
    setBusy(null);
    if (!res.ok) {
      setProblem(t.error(res.error.code));
      set({ p12BlobId: null, source: null });
      return;
    }
    set({ p12BlobId: res.value.blobId, source: file.name });
    setDone(t.sign.digital.chosen(file.name));
  };

  const generate = async (): Promise<void> => {
    setDone(null);
    const name = signer.name.trim();
    if (name === '') {
      setProblem(t.sign.digital.needName);
      return;
    }
    const found = newPassphraseProblem(value.passphrase, repeat);
    setProblem(found);
    if (found) return;
    setBusy(t.sign.digital.creating);
    const organisation = signer.organisation?.trim();
    const res = await call('signing.createIdentity', {
      commonName: name.slice(0, 64),
      ...(organisation ? { organisation: organisation.slice(0, 64) } : {}),
      passphrase: value.passphrase,
    });
    setBusy(null);
    if (!res.ok) {
      setProblem(t.error(res.error.code));
      return;
    }
    set({ p12BlobId: res.value.p12BlobId, source: 'generated' });
    setDone(t.sign.digital.created(res.value.fingerprintSha256.slice(0, 16)));
  };

  const switchSource = (next: Source): void => {
    setSource(next);
    setProblem(null);
    setDone(null);
    set({ p12BlobId: null, source: null });
  };

  return (
    <fieldset className="sign-option digital-signature" data-testid="digital-signature">
      <label className="checkbox-line">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        <strong>{t.sign.digital.toggle}</strong>
      </label>
      <p className="form-hint">{t.sign.digital.explain}</p>
      {value.enabled && (
        <div className="digital-body">
          <div className="radio-row">
            {(['generate', 'upload'] as const).map((s) => (
              <label key={s}>
                <input type="radio" name="digital-source" checked={source === s} onChange={() => switchSource(s)} />
                {t.sign.digital[s]}
              </label>
            ))}
          </div>
          {source === 'upload' && (
            <div className="form-row">
              <label className="btn btn-small" htmlFor={fileId}>
                {t.sign.digital.chooseFile}
              </label>
              <input
                id={fileId}
                className="visually-hidden"
                type="file"
                accept=".p12,.pfx,application/x-pkcs12"
                aria-label={t.sign.digital.chooseFile}
                onChange={(e) => {
                  void upload(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </div>
          )}
          <label className="form-row">
            <span>{t.sign.digital.passphrase}</span>
            <input type="password" autoComplete="new-password" value={value.passphrase} onChange={(e) => set({ passphrase: e.target.value })} />
          </label>
          {source === 'generate' && (
            <>
              <label className="form-row">
                <span>{t.sign.digital.passphraseRepeat}</span>
                <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
              </label>
              <div className="form-row">
                <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void generate()}>
                  {t.sign.digital.create}
                </button>
              </div>
            </>
          )}
          <p className="form-hint">{busy ?? t.sign.digital.passphraseHint}</p>
          {done && (
            <p className="form-ok" role="status" data-testid="digital-ready">
              {done}
            </p>
          )}
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
