import type {
  DataTag,
  InfiniteData,
  QueryClient,
  QueryFunctionContext,
  QueryKey,
  UseInfiniteQueryOptions,
} from '@tanstack/react-query'
import { ensureCheckedAdapter } from '../adapters/defineAdapter'
import { resolveLimit } from '../core/resolveLimit'
import type { ResolvedLimit } from '../core/resolveLimit'
import { defaultRetry, defaultRetryDelay } from '../core/retryPolicy'
import type { PaginationAdapter } from '../core/types'
import { listQueryKey } from './listQueryKey'
import type { ListQueryKey } from './listQueryKey'
import { createListQueryFn } from './listQueryFn'
import type { PaginatedListOptions } from './listOptions'
import { safeNextPageParam, safePreviousPageParam } from './pageContinuation'

/**
 * TanStack Query infinite-query options for a pagewise list: the same object `useInfiniteQuery`,
 * `useSuspenseInfiniteQuery`, `queryClient.prefetchInfiniteQuery` and `fetchInfiniteQuery` accept. Its `queryKey`
 * carries the data type, so `queryClient.getQueryData(options.queryKey)` is typed.
 */
export type PaginatedListQueryOptions<TResponse, TParam, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseInfiniteQueryOptions<TResponse, Error, InfiniteData<TResponse, TParam>, ListQueryKey<TQueryKey>, TParam>,
  'queryKey' | 'queryFn' | 'initialPageParam'
> & {
  queryKey: DataTag<ListQueryKey<TQueryKey>, InfiniteData<TResponse, TParam>, Error>
  queryFn: (context: QueryFunctionContext<ListQueryKey<TQueryKey>, TParam>) => Promise<TResponse>
  initialPageParam: TParam
}

/**
 * The TanStack Query options behind `usePaginatedList`, for prefetching, Suspense and server rendering. Pages are
 * the API's responses as they came, `pageParams` the adapter's params.
 *
 * @example
 * // Prefetch in a route loader, then render with usePaginatedList(sameOptions): no loading state.
 * await queryClient.prefetchInfiniteQuery(paginatedListOptions(leadsOptions))
 */
export function paginatedListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
): PaginatedListQueryOptions<TResponse, TParam, TQueryKey> {
  return buildListOptions(options, { owner: 'paginatedListOptions' }).queryOptions
}

/** The options, together with the checked adapter and the resolved page size the hooks report. */
export interface BuiltListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey> {
  queryOptions: PaginatedListQueryOptions<TResponse, TParam, TQueryKey>
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  limit: ResolvedLimit
}

/**
 * Builds a list's query options. `owner` names the caller in errors; with `client`, the retry defaults of the
 * `QueryClient` win over pagewise's own.
 */
export function buildListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
  context: { owner: string; client?: QueryClient },
): BuiltListOptions<TResponse, TItem, TParam, TQueryKey> {
  const {
    queryKey,
    adapter: givenAdapter,
    fetchPage,
    pageSize,
    getItemId: _getItemId,
    refetchMode = 'all',
    ...passThrough
  } = options
  const adapter = ensureCheckedAdapter(givenAdapter, context.owner)
  const limit = resolveLimit(adapter, pageSize)
  const queryOptions = {
    ...retryDefaults(context.client),
    ...passThrough,
    queryKey: listQueryKey(queryKey, adapter.id, limit.limit),
    queryFn: createListQueryFn({
      adapter,
      fetchPage,
      limit: limit.limit,
      refetchMode,
      maxPages: passThrough.maxPages,
      client: context.client,
    }),
    initialPageParam: adapter.initialPageParam,
    getNextPageParam: safeNextPageParam(adapter),
    getPreviousPageParam: adapter.getPreviousPageParam && safePreviousPageParam(adapter.getPreviousPageParam),
  } as unknown as PaginatedListQueryOptions<TResponse, TParam, TQueryKey>
  return { queryOptions, adapter, limit }
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
