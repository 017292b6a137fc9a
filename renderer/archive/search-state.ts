import type { MethodInput } from '../../electron/shared/api';
import type { ArchiveSort, ArchiveStatus, Signer } from '../../electron/shared/dto';

/** Results per page of the archive search. */
export const PAGE_SIZE = 20;

export const SIGNER_TYPES: readonly Signer['type'][] = ['企业', '个人', '其他'];
export const STATUSES: readonly ArchiveStatus[] = ['valid', 'void', 'superseded', 'redacted'];
export const SORTS: readonly ArchiveSort[] = ['signedAt', 'title', 'rank'];

/** What the archive screen asks for. Empty strings mean "any". */
export interface SearchState {
  query: string;
  templateId: string;
  signerType: Signer['type'] | '';
  /** Inclusive range of the date on the pledge, YYYY-MM-DD. */
  from: string;
  to: string;
  status: ArchiveStatus | '';
  sort: ArchiveSort;
  /** 1-based. */
  page: number;
}

export const INITIAL_SEARCH: SearchState = { query: '', templateId: '', signerType: '', from: '', to: '', status: '', sort: 'signedAt', page: 1 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The API's limit on a query's length. */
export const MAX_QUERY_CHARS = 200;

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T | ''): T | '' =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** A stored state read back forgivingly: anything unreadable becomes its default. */
export function parseSearchState(value: unknown): SearchState {
  if (typeof value !== 'object' || value === null) return INITIAL_SEARCH;
  const v = value as Record<string, unknown>;
  const text = (x: unknown, max: number): string => (typeof x === 'string' ? x.slice(0, max) : '');
  const date = (x: unknown): string => (typeof x === 'string' && ISO_DATE.test(x) ? x : '');
  const page = typeof v.page === 'number' && Number.isInteger(v.page) && v.page >= 1 ? v.page : 1;
  return {
    query: text(v.query, MAX_QUERY_CHARS),
    templateId: text(v.templateId, 128),
    signerType: pick(v.signerType, SIGNER_TYPES, ''),
    from: date(v.from),
    to: date(v.to),
    status: pick(v.status, STATUSES, ''),
    sort: pick(v.sort, SORTS, 'signedAt') || 'signedAt',
    page,
  };
}

/** A changed filter starts again on page 1; only a page change keeps the others. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, ...change, page: change.page ?? 1 };
}

/** True when any filter (not the sort or page) narrows the search. */
export function hasFilters(state: SearchState): boolean {
  return state.query.trim() !== '' || state.templateId !== '' || state.signerType !== '' || state.from !== '' || state.to !== '' || state.status !== '';
}

/** The `archive.search` input for a state; `query` is the debounced text (it lags behind what is typed). */
export function searchInput(state: SearchState, query: string = state.query): MethodInput<'archive.search'> {
  return {
    ...searchFilter(state, query),
    sort: state.sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}

/** True when both dates are set and the range is empty. */
export function datesReversed(state: Pick<SearchState, 'from' | 'to'>): boolean {
  return ISO_DATE.test(state.from) && ISO_DATE.test(state.to) && state.from > state.to;
}

/** Pages needed for `total` results (at least 1, so "page 1 of 1" reads well for none). */
export function pageCount(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** The 1-based positions of the first and last result on a page; {0, 0} when the page is empty. */
export function pageRange(page: number, pageSize: number, total: number): { first: number; last: number } {
  const first = (page - 1) * pageSize + 1;
  if (total === 0 || first > total) return { first: 0, last: 0 };
  return { first, last: Math.min(total, page * pageSize) };
}

/** The words and filters of the search, without sorting or paging: what `archive.register` lists in full. */
export function searchFilter(state: SearchState, query: string = state.query): NonNullable<MethodInput<'archive.register'>['filter']> {
  const words = query.trim().slice(0, MAX_QUERY_CHARS);
  return {
    ...(words !== '' ? { query: words } : {}),
    ...(state.templateId !== '' ? { templateId: state.templateId } : {}),
    ...(state.signerType !== '' ? { signerType: state.signerType } : {}),
    ...(ISO_DATE.test(state.from) ? { from: state.from } : {}),
    ...(ISO_DATE.test(state.to) ? { to: state.to } : {}),
    ...(state.status !== '' ? { status: state.status } : {}),
  };
}
