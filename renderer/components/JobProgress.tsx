import { useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import { splitElapsed } from '../verify/verdict';

interface Props {
  /** What is being done, with its count: "已校验 12 / 40 份". */
  label: string;
  /** Units done and in all; with `total` 0 (not counted yet) the bar is indeterminate. */
  done: number;
  total: number;
  /** While running: ms since the epoch when the job started, for the elapsed time. Null once finished. */
  startedAt: number | null;
}

/** A job's progress as the host reports it: a `<progress>` bar (done / total), its label and the time elapsed. */
export function JobProgress({ label, done, total, startedAt }: Props) {
  const { t } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [startedAt]);
  const elapsed = startedAt === null ? null : splitElapsed(Math.max(0, now - startedAt));
  return (
    <div className="elapsed-progress job-progress" role="status" data-testid="job-progress" data-done={done} data-total={total}>
      <div className="elapsed-text">
        <span data-testid="job-progress-label">{label}</span>
        {elapsed && <span className="num">{t.verify.elapsed(elapsed.minutes, elapsed.seconds)}</span>}
      </div>
      {total > 0 ? (
        <progress className="job-progress-bar" max={total} value={Math.min(done, total)} aria-label={label} />
      ) : (
        <div className="progress-track progress-indeterminate" role="progressbar" aria-label={label} aria-busy="true">
          <div className="progress-fill" />
        </div>
      )}
    </div>
  );
}
