import type { ApiError } from '../../electron/shared/api-error';
import { t } from '../i18n/t';

/** An API error in Chinese (chosen by code), with the English detail for support, and an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <span>{t.error(error.code)}</span>
      <span className="notice-detail">{error.message}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
