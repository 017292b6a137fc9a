import { useId, useState } from 'react';
import { call, putBlob } from '../api/pledge';
import { t } from '../i18n/t';

interface Props {
  archiveId: string;
  onOpenRecord: () => void;
}

/** After "打印后手写签署": the record exists; attach the signed scan here, or open the record to print it. */
export function WetInkDone({ archiveId, onOpenRecord }: Props) {
  const inputId = useId();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const attach = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setStatus({ text: t.sign.attaching, error: false });
    const blob = await putBlob(await file.arrayBuffer());
    const res = blob.ok ? await call('archive.attachScan', { id: archiveId, blobId: blob.value.blobId }) : blob;
    setStatus(res.ok ? { text: t.sign.scanAttached, error: false } : { text: t.error(res.error.code), error: true });
  };

  return (
    <div className="notice notice-info wet-ink-done" data-testid="wet-ink-done">
      <p>{t.sign.wetInkDone}</p>
      <div className="actions">
        <label className="btn" htmlFor={inputId}>
          {t.sign.attachScan}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-label={t.sign.attachScan}
          onChange={(e) => {
            void attach(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="form-hint">{t.sign.scanHint}</span>
        <button type="button" className="btn btn-primary" onClick={onOpenRecord} data-action="open-record">
          {t.sign.openRecord}
        </button>
      </div>
      {status && (
        <p className={status.error ? 'field-error' : 'form-hint'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
