import { useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ArchiveScan } from '../../electron/shared/dto';
import { call, putBlob } from '../api/pledge';
import { formatDateTime, formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { scanFileName } from '../../electron/shared/scan-file-name';
import { SCAN_ACCEPT } from './scan-file';

interface Props {
  recordId: string;
  scans: readonly ArchiveScan[];
  /** False once the record was redacted: no new scans. */
  canAttach: boolean;
  /** The desktop app: a scan is saved through the native dialog (`archive.saveScan`); its window does not download. */
  native: boolean;
  onAttached: () => void;
}

/** Scans of the wet-ink signed copy (download links) and "附加纸质签署扫描件" (upload, then `archive.attachScan`). */
export function RecordScans({ recordId, scans, canAttach, native, onAttached }: Props) {
  const { t, locale } = useLocale();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (sha256: string): Promise<void> => {
    setError(null);
    setSaved(null);
    const res = await call('archive.saveScan', { id: recordId, sha256 });
    if (!res.ok) setError(res.error);
    else if (res.value.path !== null) setSaved(res.value.path);
  };

  const attach = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(false);
    const put = await putBlob(await file.arrayBuffer());
    const res = put.ok ? await call('archive.attachScan', { id: recordId, blobId: put.value.blobId }) : put;
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setDone(true);
    onAttached();
  };

  if (!canAttach && scans.length === 0) return null;
  return (
    <section className="panel record-scans" aria-labelledby="record-scans-heading">
      <h2 id="record-scans-heading">{t.record.scansHeading}</h2>
      {scans.length === 0 ? (
        <p className="empty">{t.record.scansEmpty}</p>
      ) : (
        <ul className="scan-list" data-testid="record-scans">
          {scans.map((scan, i) => (
            <li key={scan.sha256} className="scan" data-sha256={scan.sha256}>
              <span className="scan-text">
                <span className="scan-name">{t.record.scanFile(formatNumber(i + 1, locale))}</span>
                <span className="muted scan-meta">
                  {t.events.fileType(scan.contentType)} · {formatNumber(Math.max(1, Math.round(scan.bytes / 1024)), locale)} KB · {formatDateTime(scan.at, locale)}
                </span>
              </span>
              {native ? (
                <button type="button" className="btn btn-small" onClick={() => void save(scan.sha256)} data-action="save-scan">
                  {t.record.download}
                </button>
              ) : (
                <a className="btn btn-small" href={scan.url} download={scanFileName(recordId, i + 1, scan.contentType)}>
                  {t.record.download}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <div className="scan-attach">
          <input
            id={inputId}
            type="file"
            className="visually-hidden"
            accept={SCAN_ACCEPT}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void attach(file);
            }}
            data-testid="attach-scan-input"
          />
          <label htmlFor={inputId} className={`btn btn-small${busy ? ' btn-disabled' : ''}`}>
            {busy ? t.record.attaching : t.record.attachScan}
          </label>
          <span className="hint">{t.record.scanFormats}</span>
        </div>
      )}
      {done && (
        <p className="hint hint-ok" role="status">
          {t.record.scanAttached}
        </p>
      )}
      {saved !== null && (
        <p className="hint hint-ok" role="status" data-testid="scan-saved">
          {t.record.scanSaved(saved)}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
