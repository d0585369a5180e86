import type { InfiniteData, QueryClient, QueryFunctionContext, QueryKey } from '@tanstack/react-query'
import { createPageRequest } from '../core/createPageRequest'
import { readPage } from '../core/readPage'
import type { FetchPage, PaginationAdapter } from '../core/types'
import { stopRefetchAfter } from './pageContinuation'

/** How a list refetches (on `refetch()`, invalidation, window focus, reconnect). */
export type RefetchMode =
  /** Every loaded page again, in order, as TanStack Query does. */
  | 'all'
  /** Only the first page; the rest of the cached list is dropped and loads again as the user scrolls. */
  | 'first-page'

interface PageHistory<TResponse, TParam> {
  pages: TResponse[]
  pageParams: TParam[]
}

/**
 * The pages fetched so far by each run of TanStack Query's "fetch every page from the first" loop (first load and
 * refetches), keyed by that run's abort signal. TanStack Query keeps its own copy of them out of the query
 * function's reach; this one mirrors it, so each new page can be checked against the pages before it.
 */
const loopHistories = new WeakMap<AbortSignal, PageHistory<unknown, unknown>>()

/** What the query function needs to know about the list. */
export interface ListQueryFnOptions<TResponse, TItem, TParam> {
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  fetchPage: FetchPage<TResponse, TParam>
  limit: number
  refetchMode: RefetchMode
  maxPages: number | undefined
  /** Used when TanStack Query is too old to pass its client in the query function's context. */
  client?: QueryClient | undefined
}

/**
 * The `queryFn` of a list: builds the request with the adapter, fetches it with the caller's `fetchPage` (passing
 * TanStack Query's abort signal), and accepts the page only when its records and its continuation both read
 * cleanly against the pages before it. A malformed page or a repeated cursor fails the fetch with its typed error,
 * so it never enters the cache and the pages already loaded stay as they were.
 */
export function createListQueryFn<TResponse, TItem, TParam>(
  options: ListQueryFnOptions<TResponse, TItem, TParam>,
): (context: QueryFunctionContext<QueryKey, TParam>) => Promise<TResponse> {
  const { adapter, fetchPage, limit, refetchMode, maxPages } = options
  return async (context) => {
    // QueryFunctionContext is a conditional type, left unresolved for a generic TParam.
    const pageParam = context.pageParam as TParam
    const { signal } = context
    const response = await fetchPage(createPageRequest(adapter, pageParam, limit, signal))
    const client = (context as { client?: QueryClient }).client ?? options.client
    const query = client?.getQueryCache().find<unknown, Error, InfiniteData<TResponse, TParam>>({
      queryKey: context.queryKey,
      exact: true,
    })
    const direction = query?.state.fetchMeta?.fetchMore?.direction
    if (direction === 'backward') {
      // Pages fetched backwards are prepended: only their records need to read.
      adapter.getItems(response)
      return response
    }
    const cached = query?.state.data
    const fromLoop = direction !== 'forward'
    const history = fromLoop
      ? loopHistory<TResponse, TParam>(signal)
      : (cached ?? emptyHistory<TResponse, TParam>())
    const pages = keepLast([...history.pages, response], maxPages)
    const pageParams = keepLast([...history.pageParams, pageParam], maxPages)
    readPage(adapter, pages, pageParams)
    if (fromLoop) {
      const isFirstPage = history.pages.length === 0
      loopHistories.set(signal, { pages, pageParams })
      if (isFirstPage && refetchMode === 'first-page' && (cached?.pages.length ?? 0) > 1)
        stopRefetchAfter(response)
    }
    return response
  }
}

function loopHistory<TResponse, TParam>(signal: AbortSignal): PageHistory<TResponse, TParam> {
  return (loopHistories.get(signal) as PageHistory<TResponse, TParam> | undefined) ?? emptyHistory()
}

function emptyHistory<TResponse, TParam>(): PageHistory<TResponse, TParam> {
  return { pages: [], pageParams: [] }
}

/** TanStack Query's `maxPages` trimming, so the adapter sees the pages it will see later. */
function keepLast<T>(items: T[], maxPages: number | undefined): T[] {
  return maxPages !== undefined && maxPages > 0 && items.length > maxPages ? items.slice(-maxPages) : items
}
