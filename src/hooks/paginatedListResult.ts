import { useCallback, useEffect, useState } from 'react'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { ItemFlattener } from '../core/itemFlattener'
import type { GetItemId } from '../core/itemFlattener'
import type { ResolvedLimit } from '../core/resolveLimit'
import type { PaginationAdapter } from '../core/types'
import { warnOnce } from '../core/warnOnce'
import { continuationError } from './pageContinuation'

/** Replaced by the application's bundler: production builds drop the development-only checks here. */
declare const process: { env: { NODE_ENV?: string } }

/** What `usePaginatedList` returns: the list's records, its state, and what can be done with it. */
export interface PaginatedList<TResponse, TItem, TParam> {
  /** Every loaded record, in order, without duplicates. The same array until the pages change. */
  items: TItem[]
  /** How many records the list holds in all, when the API says (from the latest page); else `undefined`. */
  total: number | undefined
  /** The page size requested, after clamping to the adapter's `maxLimit`. */
  pageSize: number
  /** The adapter reading the list (checked by pagewise). */
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /** `'pending'` before the first page, `'error'` when the last fetch failed (loaded records stay), else `'success'`. */
  status: 'pending' | 'error' | 'success'
  /** Why the last fetch failed: an `HttpError`, `NetworkError`, `MalformedResponseError`, `CursorLoopError`, … */
  error: Error | null
  /** No page has loaded yet. */
  isPending: boolean
  /** At least one page loaded and the last fetch succeeded. */
  isSuccess: boolean
  /** The last fetch failed. `items` still holds every page loaded before. */
  isError: boolean
  /** Any request of this list is in flight (first page, next page, refetch). */
  isFetching: boolean
  /** The next page is loading. */
  isFetchingNextPage: boolean
  /** The previous page is loading (APIs that can page backwards). */
  isFetchingPreviousPage: boolean
  /** A background refetch of loaded pages is running. */
  isRefetching: boolean
  /** There are more records after the loaded ones. `false` at the end, and after a page that could not be read. */
  hasNextPage: boolean
  /** There are records before the loaded ones (APIs that can page backwards). */
  hasPreviousPage: boolean
  /** Loads the next page. Single-flight: while a fetch runs, it waits for that one instead of starting another. */
  fetchNextPage: () => Promise<unknown>
  /** Loads the previous page, for APIs that can page backwards. */
  fetchPreviousPage: () => Promise<unknown>
  /** Refetches the list (every loaded page, or the first only with `refetchMode: 'first-page'`). */
  refetch: () => Promise<unknown>
  /** Tries again what failed: the next page when that failed (resuming there, loaded pages kept), else a refetch. */
  retry: () => Promise<unknown>
  /** The `useInfiniteQuery` result underneath, as an escape hatch. Its pages are the API's responses. */
  query: UseInfiniteQueryResult<InfiniteData<TResponse, TParam>, Error>
}

/** Shapes a list's infinite query into what `usePaginatedList` returns. */
export function usePaginatedListResult<TResponse, TItem, TParam>(
  query: UseInfiniteQueryResult<InfiniteData<TResponse, TParam>, Error>,
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  limit: ResolvedLimit,
  getItemId: GetItemId<TItem> | undefined,
  owner: string,
): PaginatedList<TResponse, TItem, TParam> {
  const [flattener] = useState(() => new ItemFlattener<TResponse, TItem>())
  useClampWarning(owner, adapter, limit)
  const pages = query.data?.pages
  let items: TItem[]
  let readError: Error | undefined
  try {
    items = flattener.flatten(pages, adapter.getItems, getItemId)
  } catch (error) {
    // Only pages that bypassed pagewise's query function (hydrated, or set with setQueryData) can get here.
    items = []
    readError = error instanceof Error ? error : new Error(String(error))
  }
  const stuck = readError ?? continuationError(pages)
  const { fetchNextPage, fetchPreviousPage, refetch } = query
  const nextPage = useCallback(() => fetchNextPage({ cancelRefetch: false }), [fetchNextPage])
  const previousPage = useCallback(() => fetchPreviousPage({ cancelRefetch: false }), [fetchPreviousPage])
  const refetchList = useCallback(() => refetch(), [refetch])
  const retryNextPage = !stuck && query.isFetchNextPageError
  const retryPreviousPage = !stuck && query.isFetchPreviousPageError
  const retry = useCallback(
    () => (retryNextPage ? nextPage() : retryPreviousPage ? previousPage() : refetch()),
    [retryNextPage, retryPreviousPage, nextPage, previousPage, refetch],
  )
  const status = stuck && query.status === 'success' ? 'error' : query.status
  return {
    items,
    total: readTotal(adapter, pages),
    pageSize: limit.limit,
    adapter,
    status,
    error: query.error ?? stuck ?? null,
    isPending: status === 'pending',
    isSuccess: status === 'success',
    isError: status === 'error',
    isFetching: query.isFetching,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isRefetching: query.isRefetching,
    hasNextPage: query.hasNextPage,
    hasPreviousPage: query.hasPreviousPage,
    fetchNextPage: nextPage,
    fetchPreviousPage: previousPage,
    refetch: refetchList,
    retry,
    query,
  }
}

/** The total the latest page reports, if the adapter reads one and it reads cleanly. */
export function readTotal<TResponse>(
  adapter: Pick<PaginationAdapter<TResponse, unknown, unknown>, 'getTotal'>,
  pages: readonly TResponse[] | undefined,
): number | undefined {
  const lastPage = pages?.[pages.length - 1]
  if (lastPage === undefined || !adapter.getTotal) return undefined
  try {
    return adapter.getTotal(lastPage)
  } catch {
    return undefined
  }
}

/** One development warning when `pageSize` was above the adapter's maximum and had to be lowered. */
export function useClampWarning(
  owner: string,
  adapter: Pick<PaginationAdapter<unknown, unknown, unknown>, 'id' | 'maxLimit'>,
  limit: ResolvedLimit,
): void {
  const { clamped, requested } = limit
  const { id, maxLimit } = adapter
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' || !clamped) return
    warnOnce(
      `clamp:${id}:${requested}`,
      `[pagewise] ${owner}: pageSize ${requested} is above the maxLimit of ${id} (${maxLimit}); ` +
        `requesting ${maxLimit} per page. Pass pageSize={${maxLimit}} or less to silence this warning.`,
    )
  }, [owner, clamped, requested, id, maxLimit])
}
