import { replaceEqualDeep } from '@tanstack/react-query'
import type {
  DataTag,
  QueryClient,
  QueryFunctionContext,
  QueryKey,
  UseInfiniteQueryOptions,
} from '@tanstack/react-query'
import {
  assertAdapterShape,
  nextListPageParam,
  pageRequest,
  previousListPageParam,
  readListPage,
  resolveLimit,
} from '../core/listPage'
import type { ListPage } from '../core/listPage'
import { listShape } from '../core/listShape'
import { placePages } from '../core/pageWindow'
import type { ListShape } from '../core/listShape'
import type { ListFilter, SortDescriptor } from '../core/types'
import { defaultRetry, defaultRetryDelay } from '../core/retryPolicy'
import { warnOnce } from '../core/warnOnce'
import type { ListData, PaginatedListOptions } from './listOptions'

/** The part pagewise adds to the caller's query key: which adapter reads the list, and at what page size. */
export interface ListKeyPart {
  /** The adapter's `id`, such as `'close.offset'`. */
  adapter: string
  /** The page size requested, after clamping. */
  pageSize: number
  /** The list's sort, when it has one. */
  sort?: SortDescriptor
  /** The list's filter, without `undefined` entries; absent when none is left. */
  filter?: ListFilter
}

/** The query key of a list: the caller's key, then `{ adapter, pageSize }`, so a prefix of the caller's key matches it. */
export type ListQueryKey<TQueryKey extends QueryKey> = readonly [...TQueryKey, ListKeyPart]

/**
 * The caller's key plus the adapter id, page size, sort and filter: two page sizes, sorts or filters never share cached
 * pages, and `invalidateQueries({ queryKey: callerKey })` still reaches every one of them.
 */
export function listQueryKey<TQueryKey extends QueryKey>(
  queryKey: TQueryKey,
  adapterId: string,
  pageSize: number,
  shape?: ListShape,
): ListQueryKey<TQueryKey> {
  return [...queryKey, { adapter: adapterId, pageSize, ...shape }] as const
}

/**
 * TanStack Query infinite-query options for a pagewise list: the same object `useInfiniteQuery`,
 * `useSuspenseInfiniteQuery`, `queryClient.prefetchInfiniteQuery` and `fetchInfiniteQuery` accept. Its `queryKey`
 * carries the data type, so `queryClient.getQueryData(options.queryKey)` is typed.
 */
export type PaginatedListQueryOptions<TItem, TParam, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseInfiniteQueryOptions<
    ListPage<TItem, TParam>,
    Error,
    ListData<TItem, TParam>,
    ListQueryKey<TQueryKey>,
    TParam
  >,
  'queryKey' | 'queryFn' | 'initialPageParam'
> & {
  queryKey: DataTag<ListQueryKey<TQueryKey>, ListData<TItem, TParam>, Error>
  queryFn: (
    context: QueryFunctionContext<ListQueryKey<TQueryKey>, TParam>,
  ) => Promise<ListPage<TItem, TParam>>
  initialPageParam: TParam
}

/**
 * The TanStack Query options behind `usePaginatedList`, for prefetching, Suspense and server rendering. Each page in
 * the cache is what the adapter read from the API's answer, once (`{ items, nextPageParam?, total? }`): plain JSON
 * that dehydrates with each record stored once.
 *
 * @example
 * // Prefetch in a route loader, then render with usePaginatedList(sameOptions): no loading state.
 * await queryClient.prefetchInfiniteQuery(paginatedListOptions(leadsOptions))
 */
export function paginatedListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
): PaginatedListQueryOptions<TItem, TParam, TQueryKey> {
  return buildListOptions(options, 'paginatedListOptions').queryOptions
}

/** A list's query options, with the page size the hooks report. */
export interface BuiltListOptions<TItem, TParam, TQueryKey extends QueryKey> {
  queryOptions: PaginatedListQueryOptions<TItem, TParam, TQueryKey>
  /** The page size requested: the caller's `pageSize` or the adapter's default, never above its `maxLimit`. */
  limit: number
  /** Fetches the page at `pageParam` and reads it: what the query function does, for a page outside the query. */
  loadPage: (pageParam: TParam, signal: AbortSignal) => Promise<ListPage<TItem, TParam>>
}

/**
 * Builds a list's query options. The query function fetches a page and reads it there, once; what TanStack Query
 * calls while rendering (`getNextPageParam`, `getPreviousPageParam`) only reads what was stored. `owner` names the
 * caller in errors; with `client`, the retry defaults of the `QueryClient` win over pagewise's own.
 */
export function buildListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
  owner: string,
  client?: QueryClient,
): BuiltListOptions<TItem, TParam, TQueryKey> {
  const {
    queryKey,
    adapter,
    fetchPage,
    pageSize,
    sort,
    filter,
    getItemId: _getItemId,
    refetchMode: _refetchMode,
    refreshHeadInterval: _refreshHeadInterval,
    ...passThrough
  } = options
  assertAdapterShape(adapter, owner)
  const limit = resolveLimit(adapter, pageSize)
  const shape = listShape(adapter, { sort, filter }, owner)
  if (process.env.NODE_ENV !== 'production' && pageSize !== undefined && pageSize > adapter.maxLimit) {
    warnOnce(
      `clamp:${adapter.id}:${pageSize}`,
      `[pagewise] ${owner}: pageSize ${pageSize} is above the maxLimit of ${adapter.id} (${adapter.maxLimit}); ` +
        `requesting ${adapter.maxLimit} per page. Pass pageSize={${adapter.maxLimit}} or less to silence this warning.`,
    )
  }
  const loadPage = async (pageParam: TParam, signal: AbortSignal) => {
    const response = await fetchPage(pageRequest(adapter, pageParam, limit, signal, shape))
    return readListPage(adapter, response, pageParam)
  }
  const queryOptions = {
    ...retryDefaults(client),
    ...passThrough,
    queryKey: listQueryKey(queryKey, adapter.id, limit, shape),
    queryFn: async ({ pageParam, signal }: { pageParam: TParam; signal: AbortSignal }) => {
      // StrictMode mounts, unmounts and mounts again in one task, and TanStack Query cancels the first mount's
      // fetch then: yielding once lets that cancellation land before any request goes out.
      await Promise.resolve()
      signal.throwIfAborted()
      return loadPage(pageParam, signal)
    },
    initialPageParam: adapter.initialPageParam,
    getNextPageParam: nextListPageParam,
    // Every list can page back once it starts mid-way: offset adapters compute the param, cursors kept it.
    getPreviousPageParam: previousListPageParam,
    structuralSharing: placedPages(passThrough.structuralSharing, !adapter.getPreviousPageParam),
  } as unknown as PaginatedListQueryOptions<TItem, TParam, TQueryKey>
  return { queryOptions, limit, loadPage }
}

/**
 * TanStack Query's `structuralSharing` for a list: every time its pages change, the first page is told where it starts
 * (`placePages`), then unchanged records keep their objects (`replaceEqualDeep`, the default), or the caller's own
 * sharing runs.
 */
function placedPages(
  own: boolean | ((previous: unknown, next: unknown) => unknown) | undefined,
  history: boolean,
) {
  return (previous: unknown, next: unknown): unknown => {
    const placed = placePages(
      previous as ListData<unknown, unknown> | undefined,
      next as ListData<unknown, unknown>,
      history,
    )
    if (typeof own === 'function') return own(previous, placed)
    return own === false ? placed : replaceEqualDeep(previous, placed)
  }
}

/**
 * The list's first page only, for `setQueryData` / `setQueriesData`: trim a list this way before a refetch, and the
 * refetch loads the first page alone (TanStack Query refetches as many pages as the cache holds).
 *
 * @example
 * queryClient.setQueriesData({ queryKey: ['close', 'leads'] }, keepFirstPage)
 * await queryClient.invalidateQueries({ queryKey: ['close', 'leads'] })
 */
export function keepFirstPage<TData extends { pages: unknown[]; pageParams: unknown[] }>(
  data: TData | undefined,
): TData | undefined {
  if (!data || data.pages.length <= 1) return data
  return { ...data, pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) }
}

/**
 * pagewise's retry policy, for the options the `QueryClient`'s defaults leave unset. A key set to `undefined` would
 * hide the client's defaults, so only the missing ones are returned; the caller's own options are spread after.
 */
export function retryDefaults(client: QueryClient | undefined): {
  retry?: typeof defaultRetry
  retryDelay?: typeof defaultRetryDelay
} {
  const clientDefaults = client?.getDefaultOptions().queries
  return {
    ...(clientDefaults?.retry === undefined && { retry: defaultRetry }),
    ...(clientDefaults?.retryDelay === undefined && { retryDelay: defaultRetryDelay }),
  }
}
