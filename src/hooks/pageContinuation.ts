import type { PaginationAdapter } from '../core/types'

interface Continuation {
  pageParams: readonly unknown[]
  next: unknown
  error: Error | undefined
}

/** Keyed by the `pages` array TanStack Query hands to `getNextPageParam`: one array per version of a list's data. */
const continuations = new WeakMap<readonly unknown[], Continuation>()

/** First pages of a `refetchMode: 'first-page'` refetch: the refetch stops after them. */
const refetchStops = new WeakSet<object>()

/**
 * Asks the refetch that fetched `firstPage` to stop there: the next `getNextPageParam` call made with `firstPage` as
 * the only page answers "no more pages", once.
 */
export function stopRefetchAfter(firstPage: unknown): void {
  if (typeof firstPage === 'object' && firstPage !== null) refetchStops.add(firstPage)
}

/**
 * The adapter's `getNextPageParam`, made safe to call while React renders: TanStack Query calls it to compute
 * `hasNextPage`, and a throw there would crash the component. A page whose continuation does not read gives
 * `undefined` (no more pages) instead, and the error is kept for {@link continuationError} to report. Results are
 * remembered per version of the data, so re-renders do not re-read the last page.
 */
export function safeNextPageParam<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
): PaginationAdapter<TResponse, TItem, TParam>['getNextPageParam'] {
  return (lastPage, allPages, lastPageParam, allPageParams) => {
    if (allPages.length === 1 && refetchStops.delete(lastPage as object)) return undefined
    const known = continuations.get(allPages)
    if (known && known.pageParams === allPageParams) return known.next as TParam | undefined
    let next: TParam | undefined
    let error: Error | undefined
    try {
      next = adapter.getNextPageParam(lastPage, allPages, lastPageParam, allPageParams)
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught))
    }
    continuations.set(allPages, { pageParams: allPageParams, next, error })
    return next
  }
}

/** The error the last page's continuation gave, when {@link safeNextPageParam} swallowed one for these pages. */
export function continuationError(pages: readonly unknown[] | undefined): Error | undefined {
  return pages ? continuations.get(pages)?.error : undefined
}

/** `getPreviousPageParam`, made safe to call while React renders: a page that does not read has no previous page. */
export function safePreviousPageParam<TResponse, TParam>(
  getPreviousPageParam: NonNullable<PaginationAdapter<TResponse, unknown, TParam>['getPreviousPageParam']>,
): NonNullable<PaginationAdapter<TResponse, unknown, TParam>['getPreviousPageParam']> {
  return (firstPage, allPages, firstPageParam, allPageParams) => {
    try {
      return getPreviousPageParam(firstPage, allPages, firstPageParam, allPageParams)
    } catch {
      return undefined
    }
  }
}
