import { useEffect, useMemo } from 'react'
import { hashKey, useQuery } from '@tanstack/react-query'
import type { QueryClient, QueryKey, UseQueryOptions } from '@tanstack/react-query'
import { createPageRequest } from '../core/createPageRequest'
import { readPage } from '../core/readPage'
import type { FetchPage, PaginationAdapter } from '../core/types'
import type { ListQueryKey } from './listQueryKey'
import type { PagedQueryOptions } from './pagedListOptions'
import { retryDefaults } from './paginatedListOptions'
import type { PageView } from './pageView'

const INACTIVE_KEY: QueryKey = ['pagewise', 'inactive-page']

/** Everything the random-access pager needs. */
export interface RandomAccessInput<TResponse, TItem, TParam> {
  active: boolean
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  fetchPage: FetchPage<TResponse, TParam>
  listKey: ListQueryKey<QueryKey>
  callerKey: QueryKey
  limit: number
  pageIndex: number
  queryOptions: PagedQueryOptions
  client: QueryClient
}

/**
 * One page of an offset list, fetched directly with `pageParamAt`: a query per page, the previous page kept on screen
 * while the next loads, and the page after the current one prefetched once it has landed.
 */
export function useRandomAccessPage<TResponse, TItem, TParam>(
  input: RandomAccessInput<TResponse, TItem, TParam>,
): PageView<TResponse> {
  const { active, adapter, fetchPage, listKey, callerKey, limit, pageIndex, client } = input
  const { enabled = true, ...queryOptions } = input.queryOptions
  const pageOptions = (index: number) =>
    ({
      ...retryDefaults(client),
      ...queryOptions,
      queryKey: [...listKey, { page: index }],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const pageParam = pageParamOf(adapter, index, limit)
        const response = await fetchPage(createPageRequest(adapter, pageParam, limit, signal))
        readPage(adapter, [response], [pageParam])
        return response
      },
    }) satisfies UseQueryOptions<TResponse, Error, TResponse, QueryKey>

  const callerHash = hashKey(callerKey)
  const options: UseQueryOptions<TResponse, Error, TResponse, QueryKey> = active
    ? {
        ...pageOptions(pageIndex),
        enabled,
        // The page before stays on screen while this one loads, as long as it is the same list.
        placeholderData: ((previous: TResponse | undefined, previousQuery?: { queryKey: QueryKey }) =>
          previousQuery && hashKey(previousQuery.queryKey.slice(0, -2)) === callerHash
            ? previous
            : undefined) as never,
      }
    : { queryKey: INACTIVE_KEY, queryFn: neverCalled, enabled: false }
  const query = useQuery(options, client)
  const data = active ? query.data : undefined
  const pageParam = pageParamOf(adapter, pageIndex, limit)
  const next = useMemo(() => {
    if (data === undefined) return undefined
    try {
      return adapter.getNextPageParam(data, [data], pageParam, [pageParam])
    } catch {
      return undefined
    }
  }, [adapter, data, pageParam])
  const landed = data !== undefined && !query.isPlaceholderData
  const hasNext = landed && next !== undefined

  const prefetchIndex = pageIndex + 1
  const listHash = hashKey(listKey)
  useEffect(() => {
    if (!active || !enabled || !hasNext || !canRequest(adapter, prefetchIndex, limit)) return
    void client.prefetchQuery(pageOptions(prefetchIndex))
    // pageOptions is rebuilt each render from the values listed here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, enabled, hasNext, prefetchIndex, client, listHash])

  return {
    page: data,
    isPlaceholderData: active && query.isPlaceholderData,
    isFetching: query.isFetching,
    status: query.status,
    error: query.error,
    hasNextPage: hasNext,
    endIndex: landed && next === undefined ? pageIndex : undefined,
    canReach: (index, pageCount) =>
      canRequest(adapter, index, limit) &&
      (pageCount !== undefined
        ? index < Math.max(pageCount, 1)
        : index <= pageIndex || (index === prefetchIndex && hasNext)),
    pages: data === undefined ? [] : [data],
    prepare: () => undefined,
    retry: () => query.refetch(),
    refetch: () => query.refetch(),
  }
}

function pageParamOf<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  index: number,
  limit: number,
): TParam {
  return adapter.pageParamAt ? adapter.pageParamAt(index, limit) : adapter.initialPageParam
}

/** Whether page `index` can be requested at all: `closeOffset` refuses offsets past Close's `max_skip`, for one. */
function canRequest(
  adapter: PaginationAdapter<unknown, unknown, unknown>,
  index: number,
  limit: number,
): boolean {
  if (!Number.isInteger(index) || index < 0) return false
  try {
    adapter.toRequest(pageParamOf(adapter, index, limit), limit)
    return true
  } catch {
    return false
  }
}

function neverCalled(): Promise<never> {
  return Promise.reject(new Error('[pagewise] an inactive pager query was fetched'))
}
