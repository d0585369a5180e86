import type { InfiniteData, QueryKey, UseInfiniteQueryOptions } from '@tanstack/react-query'
import type { GetItemId } from '../core/itemFlattener'
import type { FetchPage, PaginationAdapter } from '../core/types'
import type { RefetchMode } from './listQueryFn'

/** The `useInfiniteQuery` options pagewise sets itself, and `select` / `placeholderData`, which lists do not take. */
type OwnInfiniteOptions =
  | 'queryKey'
  | 'queryFn'
  | 'initialPageParam'
  | 'getNextPageParam'
  | 'getPreviousPageParam'
  | 'select'
  | 'placeholderData'

/** Every other `useInfiniteQuery` option (`enabled`, `staleTime`, `gcTime`, `maxPages`, `retry`, …), passed through. */
export type InfiniteQueryPassThroughOptions<TResponse, TParam> = Omit<
  UseInfiniteQueryOptions<TResponse, Error, InfiniteData<TResponse, TParam>, QueryKey, TParam>,
  OwnInfiniteOptions
>

/** What every pagewise list needs: which list, which adapter reads it, how to fetch a page, and at what size. */
export interface ListSource<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey> {
  /**
   * The list's identity in TanStack Query's cache, such as `['close', 'leads', filters]`. pagewise appends
   * `{ adapter, pageSize }`, so invalidating this key reaches every page size of the list.
   */
  queryKey: TQueryKey
  /** How the API paginates: `closeOffset()`, `pipedriveCursor()`, `offsetAdapter({ … })`, … */
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /**
   * Loads one page. Pass `request.signal` on to `fetch` so that abandoned requests are cancelled; a fetcher made
   * by `createFetcher` does.
   * @example fetchPage: close('/lead/')
   */
  // NoInfer: the response type comes from the adapter. A `createFetcher` endpoint is generic in its response
  // (`unknown` by default), and inferring from it as well would widen the list's pages to `unknown`.
  fetchPage: FetchPage<NoInfer<TResponse>, TParam>
  /**
   * Records per page. Above the adapter's `maxLimit` it is lowered to it, with one warning in development.
   * @default adapter.defaultLimit
   */
  pageSize?: number
}

/** Options of `paginatedListOptions`, `usePaginatedList` and `useSuspensePaginatedList`. */
export interface PaginatedListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>
  extends
    ListSource<TResponse, TItem, TParam, TQueryKey>,
    InfiniteQueryPassThroughOptions<TResponse, TParam> {
  /**
   * The identity of a record, to drop the second copy when a record appears on two pages (offset APIs do that
   * when rows are inserted while paging). Records whose id is `undefined` or `null` are all kept.
   * @default (item) => item.id, when records have an `id`
   */
  getItemId?: GetItemId<TItem>
  /**
   * What a refetch (`refetch()`, invalidation, window focus) loads: `'all'` loaded pages again, in order, or only the
   * `'first-page'`, dropping the rest of the cached list, which then loads again as the user scrolls.
   * @default 'all'
   */
  refetchMode?: RefetchMode
}
