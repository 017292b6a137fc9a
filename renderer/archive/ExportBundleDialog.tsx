import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ArchiveListItem, BundleExportResult, JobStatus } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { runJob } from '../api/run-job';
import { useAppInfo } from '../api/use-app-info';
import { formatNumber } from '../app/format';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobProgress } from '../components/JobProgress';
import { useLocale } from '../i18n/locale-context';

interface Props {
  items: readonly ArchiveListItem[];
  onClose: () => void;
}

/**
 * "导出交换包" for the selected records: `archive.exportBundle` run as a host job, with a progress bar of the
 * records written, then a link that downloads the `.pledgebundle` — or, in the desktop app (which does not
 * download), a save dialog through `exports.save`.
 */
export function ExportBundleDialog({ items, onClose }: Props) {
  const { t, locale } = useLocale();
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [progress, setProgress] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<BundleExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ path: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const native = useAppInfo()?.nativeFileDialogs === true;
  const leaving = useRef<AbortController | null>(null);
  const n = (v: number): string => formatNumber(v, locale);
  useEffect(() => () => leaving.current?.abort(), []);

  const start = async (): Promise<void> => {
    const abort = new AbortController();
    leaving.current = abort;
    setStartedAt(Date.now());
    setError(null);
    const res = await runJob({ method: 'archive.exportBundle', input: { ids: items.map((i) => i.id), includePersonalData } }, setProgress, abort.signal);
    if (res === null) return;
    setStartedAt(null);
    if (res.ok) setResult(res.value);
    else setError(res.error);
  };

  const save = async (bundle: BundleExportResult): Promise<void> => {
    setSaving(true);
    setError(null);
    const res = await call('exports.save', { blobId: bundle.blobId, fileName: bundle.fileName });
    setSaving(false);
    if (res.ok) setSaved(res.value);
    else setError(res.error);
  };

  const running = startedAt !== null;
  const label = !progress || progress.phase === 'starting' ? t.exportBundle.starting : t.exportBundle.progress(n(progress.done), n(progress.total));
  return (
    <Dialog heading={t.exportBundle.heading(n(items.length))} onClose={() => !running && onClose()} testId="export-bundle">
      <p className="hint">{t.exportBundle.hint}</p>
      {!running && !result && (
        <label className="copy-mark-toggle">
          <input type="checkbox" checked={includePersonalData} onChange={(e) => setIncludePersonalData(e.target.checked)} data-testid="bundle-personal-data" />
          {t.exportBundle.personalData}
        </label>
      )}
      {(running || result) && <JobProgress label={label} done={progress?.done ?? 0} total={progress?.total ?? 0} startedAt={startedAt} />}
      {error && <ErrorNotice error={error} />}
      {result && (
        <p role="status" data-testid="bundle-done">
          {t.exportBundle.done(n(result.records), n(Math.max(1, Math.round(result.bytes / 1024))))}
        </p>
      )}
      {saved && (
        <p role="status" data-testid="bundle-saved">
          {saved.path === null ? t.exportBundle.saveCancelled : t.exportBundle.savedTo(saved.path)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" disabled={running} onClick={onClose}>
          {t.exportBundle.close}
        </button>
        {result && native && saved?.path == null && (
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save(result)} data-action="save-bundle">
            {t.exportBundle.saveAs}
          </button>
        )}
        {result && !native && (
          <a className="btn btn-primary" href={result.url} download={result.fileName} data-testid="bundle-download">
            {t.exportBundle.download}
          </a>
        )}
        {!result && (
          <button type="button" className="btn btn-primary" disabled={running} onClick={() => void start()} data-action="start-export">
            {t.exportBundle.start}
          </button>
        )}
      </div>
    </Dialog>
  );
}
