import { useEffect } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { PaginatedListQueryOptions } from './paginatedListOptions'
import { continuationError } from './pageContinuation'
import type { PageView } from './pageView'

const INACTIVE_KEY = ['pagewise', 'inactive-pages'] as const

/** Everything the sequential pager needs. */
export interface SequentialInput<TResponse, TParam> {
  active: boolean
  enabled: boolean
  /** The list's infinite-query options: the same cache entry as `usePaginatedList` over the same list. */
  queryOptions: PaginatedListQueryOptions<TResponse, TParam, QueryKey>
  pageIndex: number
  client: QueryClient
}

/**
 * One page of a cursor list. The list is one infinite query whose pages are the cursor history: Previous and
 * visited pages read from it without a request, and a page not reached yet is fetched by walking forward to it.
 * The page after the current one is prefetched once the current one has landed.
 */
export function useSequentialPage<TResponse, TParam>(
  input: SequentialInput<TResponse, TParam>,
): PageView<TResponse> {
  const { active, enabled, queryOptions, pageIndex, client } = input
  const query = useInfiniteQuery(
    active
      ? { ...queryOptions, enabled }
      : {
          ...queryOptions,
          queryKey: INACTIVE_KEY as unknown as typeof queryOptions.queryKey,
          enabled: false,
        },
    client,
  )
  const pages = (active && query.data?.pages) || []
  const loaded = pages.length
  const shown = pageIndex < loaded
  const stuck = continuationError(query.data?.pages)
  const moreAfterLoaded = query.hasNextPage
  const { fetchNextPage, isFetching, isError } = query

  // Walk forward to the current page, then one further (the prefetch). Errors stop the walk until the user acts.
  const wanted = pageIndex + 2
  useEffect(() => {
    if (!active || !enabled || isFetching || isError || loaded === 0 || loaded >= wanted || !moreAfterLoaded)
      return
    void fetchNextPage({ cancelRefetch: false })
  }, [active, enabled, isFetching, isError, loaded, wanted, moreAfterLoaded, fetchNextPage])

  const error = shown ? null : (query.error ?? stuck ?? null)
  const page = shown ? pages[pageIndex] : pages[loaded - 1]
  return {
    page,
    pages,
    isPlaceholderData: !shown && page !== undefined,
    isFetching: active && query.isFetching && (!shown || query.isRefetching),
    status: error ? 'error' : page === undefined ? 'pending' : 'success',
    error,
    hasNextPage: pageIndex < loaded - 1 || (pageIndex === loaded - 1 && moreAfterLoaded),
    endIndex: loaded > 0 && !moreAfterLoaded && !stuck ? loaded - 1 : undefined,
    canReach: (index, pageCount) =>
      Number.isInteger(index) &&
      index >= 0 &&
      (pageCount === undefined || index < Math.max(pageCount, 1)) &&
      (index < loaded || (index === loaded && moreAfterLoaded)),
    prepare: (index) => {
      if (index >= loaded && moreAfterLoaded && !isFetching) void fetchNextPage({ cancelRefetch: false })
    },
    retry: () => (loaded > 0 && !stuck ? fetchNextPage({ cancelRefetch: false }) : query.refetch()),
    refetch: () => query.refetch(),
  }
}
