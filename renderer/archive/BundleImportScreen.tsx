import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { BundleImportResult } from '../../electron/shared/dto';
import { call, putBlob } from '../api/pledge';
import { takeHandedOver, type HandedFile } from '../app/opened-file-handoff';
import { useFileDropGuard } from '../app/use-file-drop-guard';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDropZone } from '../components/use-drop-zone';
import { useLocale } from '../i18n/locale-context';

/**
 * "导入数据包": checks a `.pledgebundle` from another machine and adds its records to the archive. The host checks
 * every hash first; a damaged bundle imports nothing and the error names the file that is wrong. Records
 * already here are skipped, and a record whose id is taken by different content is never overwritten.
 */
export function BundleImportScreen({ onBack, onOpenRecord }: { onBack: () => void; onOpenRecord: (id: string) => void }) {
  const { t } = useLocale();
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ fileName: string; value: BundleImportResult } | null>(null);
  useFileDropGuard();

  const importBlob = async (file: HandedFile): Promise<void> => {
    setBusy(file.fileName);
    const res = await call('archive.importBundle', { blobId: file.blobId });
    setBusy(null);
    if (res.ok) setResult({ fileName: file.fileName, value: res.value });
    else setError(res.error);
  };

  const importFile = async (file: File): Promise<void> => {
    setError(null);
    setResult(null);
    setBusy(file.name);
    const put = await putBlob(await file.arrayBuffer());
    if (!put.ok) {
      setBusy(null);
      setError(put.error);
      return;
    }
    await importBlob({ fileName: file.name, blobId: put.value.blobId });
  };

  // A bundle opened with the app (double-click, "Open with") arrives already stored.
  useEffect(() => {
    const handed = takeHandedOver('bundle');
    if (handed) void importBlob(handed);
  }, []);

  const drop = useDropZone((file) => void importFile(file));

  return (
    <div className="bundle-import-screen">
      <div className="screen-head">
        <div>
          <h1 className="screen-heading">{t.bundleImport.heading}</h1>
          <p className="hint">{t.bundleImport.intro}</p>
        </div>
        <button type="button" className="btn btn-quiet" onClick={onBack}>
          {t.bundleImport.back}
        </button>
      </div>
      <section className={`panel${drop.dragging ? ' import-dragging' : ''}`} data-testid="bundle-drop" {...drop.handlers}>
        <div className="drop-zone">
          <input
            id={inputId}
            type="file"
            className="visually-hidden"
            accept=".pledgebundle,application/zip"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
            data-testid="bundle-file-input"
          />
          <label htmlFor={inputId} className={`btn btn-primary${busy !== null ? ' btn-disabled' : ''}`}>
            {t.bundleImport.choose}
          </label>
          <span className="hint">{t.bundleImport.dropHint}</span>
        </div>
        {busy !== null && (
          <p className="hint" role="status">
            {t.bundleImport.importing(busy)}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
        {result && (
          <div className="bundle-import-result" role="status" data-testid="bundle-import-result">
            <p>
              <strong>{t.bundleImport.summary(result.fileName, result.value.imported.length, result.value.skipped.length)}</strong>
            </p>
            {result.value.templates > 0 && <p className="hint">{t.bundleImport.templates(result.value.templates)}</p>}
            {result.value.imported.length > 0 && (
              <ul className="bundle-import-list">
                {result.value.imported.map((id) => (
                  <li key={id}>
                    <button type="button" className="btn-link" onClick={() => onOpenRecord(id)}>
                      {id}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {result.value.skipped.length > 0 && (
              <ul className="bundle-import-list" aria-label={t.bundleImport.skippedLabel}>
                {result.value.skipped.map((s) => (
                  <li key={s.id}>
                    <code>{s.id}</code> — {t.bundleImport.skipReason[s.reason]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
