import { useEffect, useId, useRef, useState } from 'react';
import type { MethodInput } from '../../electron/shared/api';
import type { ApiError } from '../../electron/shared/api-error';
import type { RegisterExportResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { formatNumber } from '../app/format';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';

/** The records a register lists: the selected ones, or every result of the search on screen. */
export type RegisterScope = { ids: string[] } | { filter: NonNullable<MethodInput<'archive.register'>['filter']> };

interface Props {
  scope: RegisterScope;
  /** How many records that is (the selection's size, or the search's total). */
  count: number;
  onClose: () => void;
}

/**
 * "导出台账": CSV or Excel, personal data masked unless "包含完整个人信息" is ticked (off each time the dialog
 * opens; the host logs a reveal). The desktop app's host asks where to save; in a browser the file is
 * downloaded from the blob route under the name the host gives.
 */
export function RegisterDialog({ scope, count, onClose }: Props) {
  const { t, locale } = useLocale();
  const ids = { reveal: useId(), revealHint: useId(), formatHint: useId() };
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<RegisterExportResult | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const n = (v: number): string => formatNumber(v, locale);

  // A browser download starts once the link to the file exists.
  useEffect(() => {
    if (done && done.path === undefined) link.current?.click();
  }, [done]);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const res = await call('archive.register', { ...scope, format, ...(reveal ? { reveal: true } : {}) });
    setBusy(false);
    if (!res.ok) setError(res.error);
    else setDone(res.value);
  };

  return (
    <Dialog heading={t.register.heading} onClose={onClose} testId="register-dialog">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="dialog-body">
          <p>{'ids' in scope ? t.register.scopeSelected(n(count)) : t.register.scopeResults(n(count))}</p>
        </div>
        <fieldset className="register-format" disabled={busy || done !== null} aria-describedby={ids.formatHint}>
          <legend className="form-label">{t.register.format}</legend>
          {(['xlsx', 'csv'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="register-format" value={value} checked={format === value} onChange={() => setFormat(value)} data-testid={`register-${value}`} />
              {t.register[value]}
            </label>
          ))}
          <p id={ids.formatHint} className="hint">
            {t.register.formatHint}
          </p>
        </fieldset>
        <div className="dialog-ack">
          <input
            id={ids.reveal}
            type="checkbox"
            checked={reveal}
            disabled={busy || done !== null}
            aria-describedby={ids.revealHint}
            onChange={(e) => setReveal(e.target.checked)}
            data-testid="register-reveal"
          />
          <label htmlFor={ids.reveal}>{t.register.reveal}</label>
        </div>
        <p id={ids.revealHint} className="reason-hint">
          {t.register.revealHint}
        </p>
        {error && <ErrorNotice error={error} />}
        {done && (
          <p className="notice" role="status" data-testid="register-done">
            {done.path === undefined ? (
              <>
                {t.register.downloaded(done.fileName, n(done.records))}{' '}
                <a ref={link} href={done.url} download={done.fileName} data-testid="register-download">
                  {t.register.downloadAgain}
                </a>
              </>
            ) : done.path === null ? (
              t.register.cancelled
            ) : (
              t.register.saved(done.path, n(done.records))
            )}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {done ? t.register.close : t.dialog.cancel}
          </button>
          {!done && (
            <button type="submit" className="btn btn-primary" disabled={busy || count === 0} data-action="register-export">
              {busy ? t.register.working : t.register.export}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
