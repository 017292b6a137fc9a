import { useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { VerifyAllResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { formatNumber } from '../app/format';
import { ElapsedProgress } from '../components/ElapsedProgress';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { VerifyAllFailures } from './VerifyAllFailures';

/**
 * "核验全部档案": one `archive.verifyAll` request (the host re-hashes every PDF and scan and walks the chain) with
 * an indeterminate bar and the elapsed time while it runs, then the counts, the head hash and every failure.
 */
export function VerifyAllPanel({ onOpenRecord }: { onOpenRecord: (id: string) => void }) {
  const { t, locale } = useLocale();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [done, setDone] = useState<{ result: VerifyAllResult; ms: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const n = (v: number): string => formatNumber(v, locale);

  const run = async (): Promise<void> => {
    const start = Date.now();
    setStartedAt(start);
    setDone(null);
    setError(null);
    const res = await call('archive.verifyAll', {});
    setStartedAt(null);
    if (res.ok) setDone({ result: res.value, ms: Date.now() - start });
    else setError(res.error);
  };

  const result = done?.result;
  return (
    <section className="panel verify-all" aria-labelledby="verify-all-heading">
      <div className="panel-head">
        <div>
          <h2 id="verify-all-heading">{t.verify.allHeading}</h2>
          <p className="hint">{t.verify.allHint}</p>
        </div>
        <button type="button" className="btn btn-primary" disabled={startedAt !== null} onClick={() => void run()} data-action="verify-all">
          {t.verify.allStart}
        </button>
      </div>
      {startedAt !== null && <ElapsedProgress label={t.verify.allRunning} startedAt={startedAt} />}
      {error && <ErrorNotice error={error} />}
      {result && done && (
        <div className={`verdict verdict-${result.failures.length === 0 ? 'ok' : 'bad'}`} role="status" data-testid="verify-all-result" data-failures={result.failures.length}>
          <p className="verdict-headline">
            <span className="verdict-mark" aria-hidden="true">
              {result.failures.length === 0 ? '✓' : '✕'}
            </span>
            <span>{result.failures.length === 0 ? t.verify.allOk : t.verify.allFailed(n(result.failures.length))}</span>
            <span className="muted verdict-took">{t.verify.took(formatNumber(done.ms / 1000, locale, 1))}</span>
          </p>
          <dl className="facts facts-pairs verify-counts">
            <div className="fact">
              <dt>{t.verify.checked}</dt>
              <dd className="num" data-testid="verify-all-checked">
                {n(result.checked)}
              </dd>
            </div>
            <div className="fact">
              <dt>{t.verify.events}</dt>
              <dd className="num">{n(result.events)}</dd>
            </div>
            <div className="fact fact-wide">
              <dt>{t.verify.headHash}</dt>
              <dd className="hash" data-testid="verify-all-head">
                {result.headHash}
              </dd>
            </div>
          </dl>
          <p className="hint">{t.verify.headHashHint}</p>
          {result.failures.length > 0 && <VerifyAllFailures failures={result.failures} onOpenRecord={onOpenRecord} />}
        </div>
      )}
    </section>
  );
}
