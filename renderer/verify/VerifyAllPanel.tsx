import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { JobStatus, VerifyAllResult } from '../../electron/shared/dto';
import { runJob } from '../api/run-job';
import { formatNumber } from '../app/format';
import { JobProgress } from '../components/JobProgress';
import type { Messages } from '../i18n/zh';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { VerifyAllFailures } from './VerifyAllFailures';

/** The progress line: the audit chain's events first, then "已校验 N / M 份". */
function progressLabel(status: JobStatus | null, t: Messages, n: (v: number) => string): string {
  if (!status || status.phase === 'starting') return t.verify.allStarting;
  if (status.phase === 'chain') return t.verify.allChain(n(status.phaseDone), n(status.phaseTotal));
  return t.verify.allProgress(n(status.phaseDone), n(status.phaseTotal));
}

/**
 * "核验全部档案": runs `archive.verifyAll` as a host job (the host re-hashes every PDF and scan and walks the
 * chain in batches) with a progress bar of what is done out of the total, then the counts, the head hash and
 * every failing record.
 */
export function VerifyAllPanel({ onOpenRecord }: { onOpenRecord: (id: string) => void }) {
  const { t, locale } = useLocale();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [progress, setProgress] = useState<JobStatus | null>(null);
  const [done, setDone] = useState<{ result: VerifyAllResult; ms: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const leaving = useRef<AbortController | null>(null);
  const n = (v: number): string => formatNumber(v, locale);
  useEffect(() => () => leaving.current?.abort(), []);

  const run = async (): Promise<void> => {
    const start = Date.now();
    const abort = new AbortController();
    leaving.current = abort;
    setStartedAt(start);
    setProgress(null);
    setDone(null);
    setError(null);
    const res = await runJob({ method: 'archive.verifyAll', input: {} }, setProgress, abort.signal);
    if (res === null) return;
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
      {(startedAt !== null || (done && progress)) && (
        <JobProgress label={progressLabel(progress, t, n)} done={progress?.done ?? 0} total={progress?.total ?? 0} startedAt={startedAt} />
      )}
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
