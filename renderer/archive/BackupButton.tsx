import { useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { BackupExportResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';

/**
 * "备份全部数据": one `.pledgebackup` file with the database and every archived PDF and scan (`backup.export`).
 * The desktop app asks where to save it (native dialog, inside the host); a browser gets a download link.
 */
export function BackupButton({ native }: { native: boolean }) {
  const { t, locale } = useLocale();
  const [state, setState] = useState<{ name: 'idle' } | { name: 'working' } | { name: 'done'; result: BackupExportResult } | { name: 'failed'; error: ApiError }>({
    name: 'idle',
  });
  const run = async (): Promise<void> => {
    setState({ name: 'working' });
    const res = await call('backup.export', {});
    setState(res.ok ? { name: 'done', result: res.value } : { name: 'failed', error: res.error });
  };
  const megabytes = (bytes: number): string => `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`;
  return (
    <div className="backup-action">
      <button type="button" className="btn btn-small" disabled={state.name === 'working'} onClick={() => void run()} title={t.backup.hint} data-action="backup-all">
        {state.name === 'working' ? t.backup.working : t.backup.button}
      </button>
      {state.name === 'failed' && <ErrorNotice error={state.error} />}
      {state.name === 'done' && state.result.path !== null && (
        <span className="muted" role="status">
          {t.backup.savedTo(state.result.path)}
        </span>
      )}
      {state.name === 'done' && state.result.path === null && !native && (
        <span role="status">
          {t.backup.ready(formatNumber(state.result.records, locale), megabytes(state.result.bytes))}{' '}
          <a className="btn btn-small btn-primary" href={state.result.url} download={state.result.fileName} data-testid="backup-download">
            {t.backup.download}
          </a>
        </span>
      )}
    </div>
  );
}
