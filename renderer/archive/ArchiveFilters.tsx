import { useId } from 'react';
import type { TemplateSummary } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import type { SearchState } from './search-state';
import { SIGNER_TYPES, SORTS, STATUSES, datesReversed, hasFilters } from './search-state';

interface Props {
  state: SearchState;
  templates: readonly TemplateSummary[];
  onChange: (change: Partial<SearchState>) => void;
  onReset: () => void;
}

/** Template, signer type, date range, status and sort of the archive search. */
export function ArchiveFilters({ state, templates, onChange, onReset }: Props) {
  const { t } = useLocale();
  const s = t.search;
  const ids = { template: useId(), signer: useId(), from: useId(), to: useId(), status: useId(), sort: useId() };
  // Several versions of one template are one choice: the filter is by template id.
  const byId = [...new Map(templates.map((tpl) => [tpl.id, tpl])).values()];
  return (
    <div className="archive-filters" data-testid="archive-filters">
      <div className="filter">
        <label htmlFor={ids.template}>{s.template}</label>
        <select id={ids.template} className="text-input select-input" value={state.templateId} onChange={(e) => onChange({ templateId: e.target.value })} data-filter="template">
          <option value="">{s.allTemplates}</option>
          {byId.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.signer}>{s.signerType}</label>
        <select
          id={ids.signer}
          className="text-input select-input"
          value={state.signerType}
          onChange={(e) => onChange({ signerType: e.target.value as SearchState['signerType'] })}
          data-filter="signer-type"
        >
          <option value="">{s.allSignerTypes}</option>
          {SIGNER_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.wizard.signerTypes[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.from}>{s.from}</label>
        <span className="date-range">
          <input id={ids.from} type="date" className="text-input date-filter" value={state.from} max={state.to || undefined} onChange={(e) => onChange({ from: e.target.value })} data-filter="from" />
          <label htmlFor={ids.to}>{s.to}</label>
          <input id={ids.to} type="date" className="text-input date-filter" value={state.to} min={state.from || undefined} onChange={(e) => onChange({ to: e.target.value })} data-filter="to" />
        </span>
      </div>
      <div className="filter">
        <label htmlFor={ids.status}>{s.status}</label>
        <select id={ids.status} className="text-input select-input" value={state.status} onChange={(e) => onChange({ status: e.target.value as SearchState['status'] })} data-filter="status">
          <option value="">{s.allStatuses}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.status[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.sort}>{s.sort}</label>
        <select id={ids.sort} className="text-input select-input" value={state.sort} onChange={(e) => onChange({ sort: e.target.value as SearchState['sort'] })} data-filter="sort">
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {s.sortBy[sort]}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(state) && (
        <button type="button" className="btn btn-small btn-quiet" onClick={onReset} data-action="reset-filters">
          {s.reset}
        </button>
      )}
      {datesReversed(state) && (
        <p className="hint hint-error filter-warning" role="alert">
          {s.datesReversed}
        </p>
      )}
    </div>
  );
}
