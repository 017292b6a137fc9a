import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { VerifyResult } from '../../electron/shared/dto';
import { call, putBlob } from '../api/pledge';
import { takeHandedOver, type HandedFile } from '../app/opened-file-handoff';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDropZone } from '../components/use-drop-zone';
import { useLocale } from '../i18n/locale-context';
import { SCAN_ACCEPT } from '../archive/scan-file';
import { VerdictCard } from './VerdictCard';
import { fileVerdict } from './verdict';

interface Checked {
  fileName: string;
  blobId: string;
  result: VerifyResult;
}

/** "核验文件": drop or choose a PDF, or a scan or photo of a paper copy; upload it and show `archive.verify`'s verdict. */
export function VerifyFilePanel({ onOpenRecord }: { onOpenRecord: (id: string) => void }) {
  const { t } = useLocale();
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);

  const verifyStored = async (file: HandedFile): Promise<void> => {
    setBusy(file.fileName);
    setError(null);
    setChecked(null);
    const res = await call('archive.verify', { blobId: file.blobId });
    setBusy(null);
    if (!res.ok) setError(res.error);
    else setChecked({ ...file, result: res.value });
  };

  const verify = async (file: File): Promise<void> => {
    setBusy(file.name);
    setError(null);
    setChecked(null);
    const put = await putBlob(await file.arrayBuffer());
    if (!put.ok) {
      setBusy(null);
      setError(put.error);
      return;
    }
    await verifyStored({ fileName: file.name, blobId: put.value.blobId });
  };

  // A PDF opened with the app ("Open with", a double-click) arrives already stored.
  useEffect(() => {
    const handed = takeHandedOver('verify');
    if (handed) void verifyStored(handed);
  }, []);

  const drop = useDropZone((file) => void verify(file));

  return (
    <section
      className={`panel verify-file${drop.dragging ? ' import-dragging' : ''}`}
      aria-labelledby="verify-file-heading"
      data-testid="verify-drop"
      {...drop.handlers}
    >
      <h2 id="verify-file-heading">{t.verify.fileHeading}</h2>
      <p className="hint">{t.verify.fileHint}</p>
      <div className="drop-zone">
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          accept={SCAN_ACCEPT}
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void verify(file);
          }}
          data-testid="verify-file-input"
        />
        <label htmlFor={inputId} className={`btn btn-primary${busy !== null ? ' btn-disabled' : ''}`}>
          {t.verify.chooseFile}
        </label>
        <span className="hint">{drop.dragging ? t.verify.dropNow : t.verify.dropHint}</span>
      </div>
      {busy !== null && (
        <p className="loading" aria-busy="true" role="status">
          {t.verify.checking(busy)}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {checked && (
        <VerdictCard verdict={fileVerdict(checked.result, t)} record={checked.result.record} onOpenRecord={onOpenRecord} testId="file-verdict">
          <p className="verdict-file">
            {t.verify.file(checked.fileName)} · <span className="hash">{t.verify.sha256(checked.blobId)}</span>
          </p>
          {checked.result.details.length > 0 && (
            <details className="verdict-details">
              <summary>{t.verify.technical}</summary>
              <ul lang="en">
                {checked.result.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          )}
        </VerdictCard>
      )}
    </section>
  );
}
