import type { PaginationList } from '../src'

/**
 * A `usePagedList` result held on page `pageIndex` (default 0) of 25: 1,234 records, 50 a page, every page
 * reachable, no request in flight. Override any field for other states; no network needed.
 */
export function fakePagedList(overrides: Partial<PaginationList> = {}): PaginationList {
  const pageIndex = overrides.pageIndex ?? 0
  return {
    items: new Array(50).fill(null),
    pageIndex,
    pageSize: 50,
    setPageSize: () => {},
    pageCount: 25,
    total: 1234,
    hasNextPage: pageIndex < 24,
    hasPreviousPage: pageIndex > 0,
    goToPage: () => {},
    canGoToPage: (index) => index >= 0 && index < 25,
    isFetching: false,
    isPlaceholderData: false,
    status: 'success',
    error: null,
    retry: () => Promise.resolve(),
    kind: 'offset',
    adapter: { id: 'test.offset', maxLimit: 100 },
    ...overrides,
  }
}
