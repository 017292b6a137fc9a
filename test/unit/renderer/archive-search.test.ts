import { describe, expect, it } from 'vitest';
import type { ArchiveListItem } from '../../../electron/shared/dto';
import {
  INITIAL_SEARCH,
  PAGE_SIZE,
  datesReversed,
  hasFilters,
  pageCount,
  pageRange,
  parseSearchState,
  searchFilter,
  searchInput,
  withChange,
} from '../../../renderer/archive/search-state';
import { EMPTY_SELECTION, isPrintable, pageSelectionState, selectPage, selectedItems, toggleSelected } from '../../../renderer/archive/selection';
import { verificationCode } from '../../../renderer/archive/verification-code';
import { clampCopies } from '../../../renderer/components/copies';
import { isScreen } from '../../../renderer/app/screen';

const item = (id: string, status: ArchiveListItem['status'] = 'valid'): ArchiveListItem => ({
  id,
  kind: 'composed',
  title: '网店经营服务保障承诺书',
  signer: '张伟',
  organisation: null,
  signedAt: '2026-11-28T02:30:00.000Z',
  date: '2026-11-28',
  fileSha256: 'a'.repeat(64),
  contentHash: '4BFF58C00E5F'.toLowerCase() + 'b'.repeat(52),
  templateId: 'ecommerce-service',
  signerType: '企业',
  status,
  supersededBy: null,
});

describe('archive search state', () => {
  it('sends only what narrows the search, with the page size of 20', () => {
    expect(searchInput(INITIAL_SEARCH)).toEqual({ sort: 'signedAt', page: 1, pageSize: PAGE_SIZE });
    const state = { ...INITIAL_SEARCH, query: '  王芳 ', templateId: 'food-safety', signerType: '个人' as const, from: '2026-01-01', to: '2026-12-31', status: 'void' as const, sort: 'rank' as const, page: 3 };
    expect(searchInput(state)).toEqual({ query: '王芳', templateId: 'food-safety', signerType: '个人', from: '2026-01-01', to: '2026-12-31', status: 'void', sort: 'rank', page: 3, pageSize: 20 });
  });

  it('the register of all results gets the same words and filters, without sort or page', () => {
    expect(searchFilter(INITIAL_SEARCH)).toEqual({});
    const state = { ...INITIAL_SEARCH, query: '  王芳 ', signerType: '个人' as const, to: '2026-12-31', status: 'void' as const, sort: 'title' as const, page: 4 };
    expect(searchFilter(state)).toEqual({ query: '王芳', signerType: '个人', to: '2026-12-31', status: 'void' });
    expect(searchFilter(state, '李')).toEqual({ query: '李', signerType: '个人', to: '2026-12-31', status: 'void' });
  });

  it('uses the debounced text, not what is being typed', () => {
    expect(searchInput({ ...INITIAL_SEARCH, query: '先涨后' }, '先涨').query).toBe('先涨');
    expect(searchInput({ ...INITIAL_SEARCH, query: 'x' }, '  ')).not.toHaveProperty('query');
  });

  it('leaves out a half-typed date rather than sending one the API would refuse', () => {
    expect(searchInput({ ...INITIAL_SEARCH, from: '2026-1' })).not.toHaveProperty('from');
  });

  it('goes back to page 1 when anything but the page changes', () => {
    const on3 = { ...INITIAL_SEARCH, page: 3 };
    expect(withChange(on3, { status: 'valid' }).page).toBe(1);
    expect(withChange(on3, { query: '张' }).page).toBe(1);
    expect(withChange(on3, { page: 4 }).page).toBe(4);
  });

  it('reads a stored state forgivingly', () => {
    expect(parseSearchState(null)).toEqual(INITIAL_SEARCH);
    expect(parseSearchState('garbage')).toEqual(INITIAL_SEARCH);
    expect(parseSearchState({ query: '张伟', status: 'deleted', sort: 'random', signerType: '企业', from: 'yesterday', page: -2 })).toEqual({
      ...INITIAL_SEARCH,
      query: '张伟',
      signerType: '企业',
    });
    expect(parseSearchState({ query: 'x'.repeat(500) }).query).toHaveLength(200);
    const full = { query: 'a b', templateId: 't', signerType: '其他', from: '2026-01-01', to: '2026-02-01', status: 'redacted', sort: 'title', page: 7 };
    expect(parseSearchState(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('knows when filters are set and when the dates are reversed', () => {
    expect(hasFilters(INITIAL_SEARCH)).toBe(false);
    expect(hasFilters({ ...INITIAL_SEARCH, sort: 'title', page: 2 })).toBe(false);
    expect(hasFilters({ ...INITIAL_SEARCH, query: '  ' })).toBe(false);
    expect(hasFilters({ ...INITIAL_SEARCH, to: '2026-01-01' })).toBe(true);
    expect(datesReversed({ from: '2026-02-01', to: '2026-01-31' })).toBe(true);
    expect(datesReversed({ from: '2026-01-31', to: '2026-01-31' })).toBe(false);
    expect(datesReversed({ from: '2026-02-01', to: '' })).toBe(false);
  });

  it('counts pages and the positions shown', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageRange(1, 20, 57)).toEqual({ first: 1, last: 20 });
    expect(pageRange(3, 20, 57)).toEqual({ first: 41, last: 57 });
    expect(pageRange(4, 20, 57)).toEqual({ first: 0, last: 0 });
    expect(pageRange(1, 20, 0)).toEqual({ first: 0, last: 0 });
  });
});

describe('selection for printing', () => {
  it('toggles records, never one whose PDF was erased', () => {
    const a = item('PD-20261128-AAAAAAAA');
    const erased = item('PD-20261128-BBBBBBBB', 'redacted');
    expect(isPrintable(erased)).toBe(false);
    expect(isPrintable(item('x', 'void'))).toBe(true);
    let s = toggleSelected(EMPTY_SELECTION, a);
    s = toggleSelected(s, erased);
    expect(selectedItems(s).map((i) => i.id)).toEqual([a.id]);
    expect(toggleSelected(s, a).size).toBe(0);
    expect(EMPTY_SELECTION.size).toBe(0);
  });

  it('selects a page without touching other pages, and says all/some/none', () => {
    const other = item('PD-20261128-CCCCCCCC');
    const page = [item('PD-20261128-AAAAAAAA'), item('PD-20261128-BBBBBBBB', 'redacted'), item('PD-20261128-DDDDDDDD', 'superseded')];
    let s = toggleSelected(EMPTY_SELECTION, other);
    expect(pageSelectionState(s, page)).toBe('none');
    s = selectPage(s, page, true);
    expect(s.size).toBe(3);
    expect(pageSelectionState(s, page)).toBe('all');
    s = toggleSelected(s, page[0] as ArchiveListItem);
    expect(pageSelectionState(s, page)).toBe('some');
    s = selectPage(s, page, false);
    expect(selectedItems(s).map((i) => i.id)).toEqual([other.id]);
    expect(pageSelectionState(EMPTY_SELECTION, [item('x', 'redacted')])).toBe('none');
  });
});

describe('small pieces', () => {
  it('writes the verification code as printed: the id and 12 lower-case hex digits', () => {
    expect(verificationCode({ id: 'PD-20261128-0YHJZRY9', contentHash: '4BFF58C00E5F80164fd9c1d1a7e920ecd313842e4525da5b6adc45f5c254d500' })).toBe('PD-20261128-0YHJZRY9-4bff58c00e5f');
  });

  it('clamps copies to 1–99', () => {
    expect(clampCopies('3')).toBe(3);
    expect(clampCopies('')).toBe(1);
    expect(clampCopies('0')).toBe(1);
    expect(clampCopies('2.7')).toBe(2);
    expect(clampCopies(500)).toBe(99);
    expect(clampCopies('abc')).toBe(1);
  });

  it('accepts the new screens and a record with where it was opened from', () => {
    expect(isScreen({ name: 'archive' })).toBe(true);
    expect(isScreen({ name: 'verify' })).toBe(true);
    expect(isScreen({ name: 'record', archiveId: 'PD-1', from: 'verify' })).toBe(true);
    expect(isScreen({ name: 'record', archiveId: 'PD-1' })).toBe(true);
    expect(isScreen({ name: 'record', archiveId: 'PD-1', from: 'elsewhere' })).toBe(false);
  });
});
