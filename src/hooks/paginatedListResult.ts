import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { hashKey } from '@tanstack/react-query'
import type { QueryClient, QueryKey, UseInfiniteQueryResult } from '@tanstack/react-query'
import { ItemFlattener } from '../core/itemFlattener'
import { listLoopError, listPageItems } from '../core/listPage'
import type { ListPage } from '../core/listPage'
import { windowOf } from '../core/pageWindow'
import type { ListWindow } from '../core/pageWindow'
import type { PaginationAdapter } from '../core/types'
import type { ListData, RefetchMode } from './listOptions'
import { keepFirstPage } from './paginatedListOptions'
import { useLiveHead } from './liveHead'
import type { LiveHead, LiveHeadSource } from './liveHead'

/**
 * Where a list stands, as a union on `status` (TanStack Query's shape): `isError` narrows `error` to `Error`, so
 * `list.isError && <ErrorRow error={list.error} />` type-checks.
 */
export type ListState =
  | { status: 'pending'; error: null; isPending: true; isSuccess: false; isError: false }
  | { status: 'error'; error: Error; isPending: false; isSuccess: false; isError: true }
  | { status: 'success'; error: null; isPending: false; isSuccess: true; isError: false }

/** The `ListState` of `error` (an error wins), else pending until there is something to show. */
export function listState(error: Error | null | undefined, pending: boolean): ListState {
  const status = error ? 'error' : pending ? 'pending' : 'success'
  return {
    status,
    error: error || null,
    isPending: status === 'pending',
    isSuccess: status === 'success',
    isError: status === 'error',
  } as ListState
}

/** What `usePaginatedList` returns besides its `ListState`. */
export interface PaginatedListFields<TResponse, TItem, TParam> {
  /** Every loaded record, in order, without duplicates. The same array until the pages change. */
  items: TItem[]
  /** How many records the list holds in all, when the API says (from the latest page); else `undefined`. */
  total: number | undefined
  /** The page size requested, after clamping to the adapter's `maxLimit`. */
  pageSize: number
  /** The adapter reading the list, as it was passed. */
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /** Any request of this list is in flight (first page, next page, refetch). */
  isFetching: boolean
  /** The next page is loading. */
  isFetchingNextPage: boolean
  /** The previous page is loading (APIs that can page backwards). */
  isFetchingPreviousPage: boolean
  /** A background refetch of loaded pages is running. */
  isRefetching: boolean
  /**
   * `items` are the previous sort's, filter's or page size's records, kept on screen while the list's new first page
   * loads (or after it failed: then `status` is `'error'`). `false` once the list's own records are shown.
   */
  isPlaceholderData: boolean
  /**
   * Names the query whose records `items` holds (a hash of its key): it changes when a new sort, filter or page size
   * is shown, not while the previous one stands in. A table scrolls back to the top when it changes.
   */
  listKey: string
  /**
   * How many records of the whole list come before `items[0]`: 0 unless the list starts mid-way, because `maxPages`
   * dropped the pages before or a window was loaded directly (`loadWindow`). `<InfiniteTable>` lays rows out there.
   */
  firstItemIndex: number
  /**
   * The `maxPages` the list was given: it keeps at most this many pages, dropping them at the far end. `<InfiniteTable>`
   * then sizes its scrollbar for the whole list when the total is known.
   */
  maxPages: number | undefined
  /**
   * The pages the list holds, as JSON: their params, where they start and, for APIs that only page forwards, the params
   * of the pages before. Save it (`<InfiniteTable onPositionChange>` does) and give it to `loadWindow` to come back.
   */
  window: ListWindow<TParam> | undefined
  /**
   * Replaces the list's pages by those of `window`, fetched directly from their params, one request per page (never
   * walking from the first page). Resolves at once when the list holds them already (a persisted cache). The records
   * shown stay until the window lands; a failure rejects, with the list in error and its records kept. Throws
   * `InvalidOptionError` for a value that is not a window.
   */
  // A method: bivariant in its param, so a list of any page param still passes where `unknown` params are read.
  loadWindow(window: ListWindow<TParam>): Promise<void>
  /**
   * The window of the one page that holds record `index`, for APIs that reach any page directly (offset lists), where a
   * table jumps when the user drags its scrollbar far past the loaded rows; `undefined` for cursor lists.
   */
  windowAt: (index: number) => ListWindow<TParam> | undefined
  /** There are more records after the loaded ones. `false` at the end, and after a page that loops. */
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
  /**
   * The `useInfiniteQuery` result underneath, as an escape hatch. Its pages are what the adapter read from each
   * answer: `{ items, nextPageParam?, previousPageParam?, total? }`.
   */
  query: UseInfiniteQueryResult<ListData<TItem, TParam>, Error>
}

/**
 * What `usePaginatedList` returns: the list's records, its state, and what can be done with it. `status` is
 * `'pending'` before the first page, `'error'` when the last fetch failed (loaded records stay in `items`) or the
 * last page points back at one already loaded (a `CursorLoopError`), else `'success'`.
 */
export type PaginatedList<TResponse, TItem, TParam> = PaginatedListFields<TResponse, TItem, TParam> &
  LiveHead &
  ListState

/** What the result needs besides the query. */
export interface ListResultInput<TResponse, TItem, TParam> extends LiveHeadSource<TItem, TParam> {
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /** The caller's key: lists under one caller key stand in for each other while a new one loads. */
  callerKey: QueryKey
  limit: number
  refetchMode?: RefetchMode | undefined
  /** `false` holds off the list, and its polling. */
  enabled?: unknown
  maxPages?: number | undefined
  loadWindow: (client: QueryClient, window: ListWindow<TParam>) => Promise<void>
  windowAt: (index: number) => ListWindow<TParam> | undefined
  loadFirstPageBack: (client: QueryClient) => Promise<void>
}

/** Shapes a list's infinite query into what `usePaginatedList` returns. */
export function usePaginatedListResult<TResponse, TItem, TParam>(
  query: UseInfiniteQueryResult<ListData<TItem, TParam>, Error>,
  input: ListResultInput<TResponse, TItem, TParam>,
): PaginatedList<TResponse, TItem, TParam> {
  const { adapter, limit, client } = input
  const [flattener] = useState(() => new ItemFlattener<ListPage<TItem, TParam>, TItem>())
  const listKey = hashKey(input.queryKey)
  const caller = hashKey(input.callerKey)
  useFirstPageOnReturn(client, input.queryKey, listKey, query)
  // The list last shown, so that a new sort or filter (a new query under the same caller key) keeps its records on
  // screen until the new first page lands, and after that page failed. Its key only: the records stay in the cache.
  const [shown, setShown] = useState({ caller, listKey, queryKey: input.queryKey })
  if (query.data && shown.listKey !== listKey) setShown({ caller, listKey, queryKey: input.queryKey })
  const standIn =
    !query.data && shown.caller === caller && shown.listKey !== listKey
      ? client.getQueryData<ListData<TItem, TParam>>(shown.queryKey)
      : undefined
  const data = query.data ?? standIn
  const pages = data?.pages
  let items: TItem[] = []
  let readError: Error | undefined
  try {
    items = flattener.flatten(pages, listPageItems, input.getItemId)
  } catch (error) {
    // Only pages put in the cache by someone else (setQueryData with another shape) get here.
    readError = error as Error
  }
  const stuck = readError ?? listLoopError(adapter.id, pages, data?.pageParams)
  const head = useLiveHead(
    input,
    listKey,
    flattener,
    input.enabled === false || !query.data || query.isError || !!stuck,
  )
  const { fetchNextPage, fetchPreviousPage, refetch } = query
  const { headInFlight, ...live } = head
  // The next page waits for a head refresh in flight: the list sends one request at a time.
  const nextPage = useCallback(() => {
    const go = () => fetchNextPage({ cancelRefetch: false })
    return headInFlight()?.then(go) ?? go()
  }, [fetchNextPage, headInFlight])
  // A list that only pages forwards goes back through the params it kept; its first page's is one TanStack Query
  // reads as "none", so that page is loaded apart.
  // Single-flight, as TanStack Query's own fetches are.
  const backToFirst = !query.hasPreviousPage && !!pages?.[0]?.before?.length
  const { loadFirstPageBack } = input
  const firstPageBack = useRef<Promise<void> | null>(null)
  const previousPage = useCallback(
    () =>
      backToFirst
        ? (firstPageBack.current ??= loadFirstPageBack(client).finally(() => {
            firstPageBack.current = null
          }))
        : fetchPreviousPage({ cancelRefetch: false }),
    [backToFirst, loadFirstPageBack, client, fetchPreviousPage],
  )
  // Not memoised: the list's query key is a new array on every render, so these would be new functions anyway.
  const refetchList = () => {
    // TanStack Query refetches as many pages as are cached: trim to the first, then refetch.
    if (input.refetchMode === 'first-page') client.setQueryData(input.queryKey, keepFirstPage)
    return refetch()
  }
  const retryNextPage = !stuck && query.isFetchNextPageError
  const retryPreviousPage = !stuck && query.isFetchPreviousPageError
  const retry = () => (retryNextPage ? nextPage() : retryPreviousPage ? previousPage() : refetchList())
  return {
    ...listState(query.error ?? stuck, query.status === 'pending' && !standIn),
    items,
    total: pages?.[pages.length - 1]?.total,
    pageSize: limit,
    adapter,
    isFetching: query.isFetching,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isRefetching: query.isRefetching,
    isPlaceholderData: standIn !== undefined,
    listKey: standIn ? shown.listKey : listKey,
    firstItemIndex: pages?.[0]?.start ?? 0,
    maxPages: input.maxPages,
    window: data && windowOf(data),
    loadWindow: (window) => input.loadWindow(client, window),
    windowAt: input.windowAt,
    hasNextPage: query.hasNextPage,
    hasPreviousPage: query.hasPreviousPage || backToFirst,
    fetchNextPage: nextPage,
    fetchPreviousPage: previousPage,
    refetch: refetchList,
    retry,
    ...live,
    query,
  }
}

/**
 * Going back to a sort or filter seen before shows its cached records at once and refetches its first page only,
 * where TanStack Query would refetch every cached page in turn: when the key changes to a stale cached list of several
 * pages, that list is trimmed to its first page before the refetch starts (the rest loads again as the user scrolls,
 * and the table is back at the top). Not on mount: a list that comes back into view keeps its pages. `query` is the
 * render's result for the new key, so TanStack Query has already said whether its cached pages are stale.
 */
function useFirstPageOnReturn(
  client: QueryClient,
  queryKey: QueryKey,
  key: string,
  query: Pick<UseInfiniteQueryResult<{ pages: unknown[] }>, 'isStale' | 'data'>,
): void {
  const previous = useRef(key)
  const trim = query.isStale && query.data !== undefined && query.data.pages.length > 1
  // A layout effect runs before useInfiniteQuery's own effect, which moves the query to the new key and refetches it;
  // and before the effects of the components below, which may ask for the next page of the list shown.
  useLayoutEffectOnClient(() => {
    if (previous.current === key) return
    previous.current = key
    if (!trim) return
    client.setQueryData(queryKey, keepFirstPage)
    // Setting data makes it fresh: marked stale again, the query refetches the page it now holds.
    client.getQueryCache().find({ queryKey, exact: true })?.invalidate()
    // The key names the list, and what the render read about it.
  }, [key])
}

/** `useLayoutEffect` in the browser; on the server, where it never runs, `useEffect` (React 18 warns of the other). */
const useLayoutEffectOnClient = typeof window === 'undefined' ? useEffect : useLayoutEffect
