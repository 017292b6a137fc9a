import { useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import { splitElapsed } from '../verify/verdict';

/**
 * An indeterminate progress bar with the time elapsed since `startedAt` (ms since the epoch), for one long
 * request whose progress the host does not report.
 */
export function ElapsedProgress({ label, startedAt }: { label: string; startedAt: number }) {
  const { t } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const { minutes, seconds } = splitElapsed(now - startedAt);
  return (
    <div className="elapsed-progress" role="status" data-testid="elapsed-progress">
      <div className="elapsed-text">
        <span>{label}</span>
        <span className="num">{t.verify.elapsed(minutes, seconds)}</span>
      </div>
      <div className="progress-track progress-indeterminate" role="progressbar" aria-label={label} aria-busy="true">
        <div className="progress-fill" />
      </div>
    </div>
  );
}
