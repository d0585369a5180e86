import { hashKey } from '@tanstack/react-query'
import type { QueryClient, QueryKey, UseInfiniteQueryResult } from '@tanstack/react-query'
import { listLoopError } from '../core/listPage'
import type { ListPage } from '../core/listPage'
import type { PaginationAdapter } from '../core/types'
import type { ListData } from './listOptions'
import type { PaginatedListQueryOptions } from './paginatedListOptions'

/**
 * The page a pager shows, and how it moves, for the two kinds of list:
 * - offset lists (`kind: 'offset'`) reach any page directly: one cache entry per page, keyed `{ page: index }`
 *   under the list's key, with the page before kept on screen while the next loads;
 * - cursor lists reach pages one after another: the list's own infinite query (the cache entry `usePaginatedList`
 *   uses too) holds the cursor history, so Previous reads from it and a page not reached yet is walked to.
 * `usePagedList` mounts one query, with the options of its kind; the view reads it.
 */
export interface PageView<TItem> {
  /** The page shown: the current one, or the one before while it loads. */
  page: ListPage<TItem, unknown> | undefined
  /** The total the latest loaded page reports. */
  total: number | undefined
  /** `page` is the page before, shown while the current one loads. */
  isPlaceholderData: boolean
  /** The current page is loading (first load, page change or refetch; not a prefetch). */
  isFetching: boolean
  /** Why the current page could not be shown. */
  error: Error | null
  /** A page after the current one exists, as far as the loaded pages tell. */
  hasNextPage: boolean
  /** Index of the list's last page, once a loaded page says it is the end. */
  endIndex: number | undefined
  /** Whether page `index` can be shown; `pageCount` when the total is known. */
  canReach: (index: number, pageCount: number | undefined) => boolean
  /** About to show page `index`: start loading it if it needs loading. */
  prepare: (index: number) => void
  /** Tries again what failed. */
  retry: () => Promise<unknown>
  /** Loading the view wants now (the page after, or the walk to the current page), and a key that says when. */
  load: (() => void) | undefined
  loadKey: string
}

/** What both kinds of view read. */
export interface PageViewInput<TResponse, TItem, TParam> {
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /** The list's infinite-query options (see `buildListOptions`). */
  listOptions: PaginatedListQueryOptions<TItem, TParam>
  /** The caller's query key: pages of the same list may stand in for each other while loading. */
  callerKey: QueryKey
  limit: number
  pageIndex: number
  enabled: boolean
  client: QueryClient
}

type ListQuery<TItem, TParam> = UseInfiniteQueryResult<ListData<TItem, TParam>, Error>

/** The query options of page `index` of an offset list: its own cache entry, starting at `pageParamAt(index)`. */
export function offsetPageOptions<TResponse, TItem, TParam>(
  input: PageViewInput<TResponse, TItem, TParam>,
  index: number,
): PaginatedListQueryOptions<TItem, TParam> {
  const { adapter, listOptions, limit } = input
  const callerHash = hashKey(input.callerKey)
  return {
    ...listOptions,
    queryKey: [...listOptions.queryKey, { page: index }] as unknown as typeof listOptions.queryKey,
    initialPageParam: pageParamOf(adapter, index, limit),
    // The page before stays on screen while this one loads, as long as it is the same list.
    placeholderData: ((previous: unknown, previousQuery?: { queryKey: QueryKey }) =>
      previousQuery && hashKey(previousQuery.queryKey.slice(0, -2)) === callerHash
        ? previous
        : undefined) as never,
  }
}

/** The view of an offset list: the current page's own query, and the page after prefetched once it has landed. */
export function offsetPageView<TResponse, TItem, TParam>(
  query: ListQuery<TItem, TParam>,
  input: PageViewInput<TResponse, TItem, TParam>,
): PageView<TItem> {
  const { adapter, limit, pageIndex, enabled, client } = input
  const page = query.data?.pages[0]
  const landed = page !== undefined && !query.isPlaceholderData
  const hasNext = landed && page.nextPageParam !== undefined
  const prefetchIndex = pageIndex + 1
  const prefetch = enabled && hasNext && canRequest(adapter, prefetchIndex, limit)
  return {
    page,
    total: page?.total,
    isPlaceholderData: query.isPlaceholderData,
    isFetching: query.isFetching,
    error: query.error,
    hasNextPage: hasNext,
    endIndex: landed && !hasNext ? pageIndex : undefined,
    canReach: (index, pageCount) =>
      canRequest(adapter, index, limit) &&
      (pageCount !== undefined
        ? index < Math.max(pageCount, 1)
        : index <= pageIndex || (index === prefetchIndex && hasNext)),
    prepare: () => undefined,
    retry: () => query.refetch(),
    load: prefetch
      ? () => void client.prefetchInfiniteQuery(offsetPageOptions(input, prefetchIndex))
      : undefined,
    loadKey: `${hashKey(input.listOptions.queryKey)}:${prefetchIndex}:${prefetch}`,
  }
}

/** The view of a cursor list: its infinite query holds the pages seen, and walks forward to the one wanted. */
export function cursorPageView<TResponse, TItem, TParam>(
  query: ListQuery<TItem, TParam>,
  input: PageViewInput<TResponse, TItem, TParam>,
): PageView<TItem> {
  const { adapter, pageIndex, enabled } = input
  const pages = query.data?.pages ?? []
  const loaded = pages.length
  const shown = pageIndex < loaded
  const stuck = listLoopError(adapter.id, pages, query.data?.pageParams)
  const moreAfterLoaded = query.hasNextPage
  const { fetchNextPage, isFetching, isError } = query
  const walkOn = () => void fetchNextPage({ cancelRefetch: false })
  // Walk forward to the current page, then one further (the prefetch). Errors stop the walk until the user acts.
  const wanted = pageIndex + 2
  const walk = enabled && !isFetching && !isError && loaded > 0 && loaded < wanted && moreAfterLoaded
  const page = shown ? pages[pageIndex] : pages[loaded - 1]
  return {
    page,
    total: pages[loaded - 1]?.total,
    isPlaceholderData: !shown && page !== undefined,
    isFetching: query.isFetching && (!shown || query.isRefetching),
    error: shown ? null : (query.error ?? stuck ?? null),
    hasNextPage: pageIndex < loaded - 1 || (pageIndex === loaded - 1 && moreAfterLoaded),
    endIndex: loaded > 0 && !moreAfterLoaded && !stuck ? loaded - 1 : undefined,
    canReach: (index, pageCount) =>
      Number.isInteger(index) &&
      index >= 0 &&
      (pageCount === undefined || index < Math.max(pageCount, 1)) &&
      (index < loaded || (index === loaded && moreAfterLoaded)),
    prepare: (index) => {
      if (index >= loaded && moreAfterLoaded && !isFetching) walkOn()
    },
    retry: () => (loaded > 0 && !stuck ? fetchNextPage({ cancelRefetch: false }) : query.refetch()),
    load: walk ? walkOn : undefined,
    loadKey: `${loaded}:${wanted}:${walk}`,
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
