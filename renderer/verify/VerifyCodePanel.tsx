import { useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { VerifyCodeResult } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';
import { VerdictCard } from './VerdictCard';
import { codeVerdict } from './verdict';

/** The API's limit on a typed code. */
const MAX_CODE_CHARS = 200;

/** "核验校验码": the code printed under a paper copy's QR code, checked with `archive.verifyCode`. */
export function VerifyCodePanel({ onOpenRecord }: { onOpenRecord: (id: string) => void }) {
  const { t } = useLocale();
  const ids = { code: useId(), hint: useId() };
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<VerifyCodeResult | null>(null);
  const [empty, setEmpty] = useState(false);

  const check = async (): Promise<void> => {
    const typed = code.trim();
    setEmpty(typed === '');
    if (typed === '') return;
    setBusy(true);
    setError(null);
    setResult(null);
    const res = await call('archive.verifyCode', { code: typed });
    setBusy(false);
    if (res.ok) setResult(res.value);
    else setError(res.error);
  };

  return (
    <section className="panel verify-code" aria-labelledby="verify-code-heading">
      <h2 id="verify-code-heading">{t.verify.codeHeading}</h2>
      <p id={ids.hint} className="hint">
        {t.verify.codeHint}
      </p>
      <form
        className="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <label className="visually-hidden" htmlFor={ids.code}>
          {t.verify.codeLabel}
        </label>
        <input
          id={ids.code}
          className="text-input code-input"
          value={code}
          maxLength={MAX_CODE_CHARS}
          placeholder="PD-20261128-XXXXXXXX-xxxxxxxxxxxx"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.hint}
          onChange={(e) => setCode(e.target.value)}
          data-testid="verify-code-input"
        />
        <button type="submit" className="btn btn-primary" disabled={busy} data-action="verify-code">
          {t.verify.codeCheck}
        </button>
      </form>
      {empty && (
        <p className="hint hint-error" role="alert">
          {t.verify.codeEmpty}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {result && (
        <VerdictCard verdict={codeVerdict(result, t)} record={result.record} onOpenRecord={onOpenRecord} testId="code-verdict">
          {result.normalised && <p className="hint hash">{t.verify.code.normalised(result.normalised)}</p>}
        </VerdictCard>
      )}
    </section>
  );
}
