import { t } from '../i18n/t';

/** A quiet placeholder while an API call is in flight. */
export function Loading() {
  return (
    <p className="loading" aria-busy="true">
      {t.loading}
    </p>
  );
}
