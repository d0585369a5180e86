import type { InfiniteData, QueryKey, UseInfiniteQueryOptions } from '@tanstack/react-query'
import type { GetItemId } from '../core/itemFlattener'
import type { ListPage } from '../core/listPage'
import type { FetchPage, ListFilter, PaginationAdapter, SortDescriptor } from '../core/types'

/** What `refetch()` loads again. */
export type RefetchMode =
  /** Every loaded page again, in order, as TanStack Query does. */
  | 'all'
  /** Only the first page; the rest of the cached list is dropped and loads again as the user scrolls. */
  | 'first-page'

/** The data of a pagewise list in TanStack Query's cache: the pages as the adapter read them, and their params. */
export type ListData<TItem, TParam> = InfiniteData<ListPage<TItem, TParam>, TParam>

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
export type InfiniteQueryPassThroughOptions<TItem, TParam> = Omit<
  UseInfiniteQueryOptions<ListPage<TItem, TParam>, Error, ListData<TItem, TParam>, QueryKey, TParam>,
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
  /**
   * How the list is sorted; the adapter writes it in its provider's syntax (`_order_by=-date_created` for Close,
   * `sort_by` and `sort_direction` for Pipedrive v2) on every page. Part of the query key: each sort is cached on its
   * own, and while a new one loads the previous rows stay on screen (`isPlaceholderData`). An adapter whose API cannot
   * sort (Close events, Stripe) refuses it at once with `InvalidOptionError` (a development check, as every option's).
   * @example { column: 'date_created', direction: 'descending' }
   */
  sort?: SortDescriptor | undefined
  /**
   * Provider params that narrow the list (`{ status_id: 'stat_1', query: 'acme' }`), sent with every page: in the
   * query string, or in the JSON body of a POST search. Part of the query key; `undefined` entries are left out, so a
   * cleared filter and no filter share one cache entry. While a new filter loads, the previous rows stay on screen.
   */
  filter?: ListFilter | undefined
}

/** Options of `paginatedListOptions`, `usePaginatedList` and `useSuspensePaginatedList`. */
export interface PaginatedListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>
  extends ListSource<TResponse, TItem, TParam, TQueryKey>, InfiniteQueryPassThroughOptions<TItem, TParam> {
  /**
   * The identity of a record, to drop the second copy when a record appears on two pages (offset APIs do that
   * when rows are inserted while paging). Records whose id is `undefined` or `null` are all kept.
   * @default (item) => item.id, when records have an `id`
   */
  getItemId?: GetItemId<TItem>
  /**
   * What the list's `refetch()` and `retry()` load: `'all'` loaded pages again, in order, or only the `'first-page'`,
   * dropping the rest of the cached list, which then loads again as the user scrolls. Refetches TanStack Query
   * starts itself (window focus, `invalidateQueries`) load every cached page; trim the cache first to avoid that:
   * `queryClient.setQueriesData({ queryKey }, keepFirstPage)`.
   * @default 'all'
   */
  refetchMode?: RefetchMode
  /**
   * Polls the list's first page every this many milliseconds and reads it against the loaded records (see the
   * result's `refreshHead()`): records it holds already are updated where they are; new ones (by id) wait in
   * `newItemCount` until `showNewItems()`, so nothing under the user's eyes moves. No page is reloaded. Polling pauses
   * in a hidden tab, offline and while the list shows an error, never runs beside a page fetch, and after a failure
   * waits four intervals (or the server's `Retry-After`, when longer). For lists whose newest records come first.
   * @example refreshHeadInterval: 15_000
   */
  refreshHeadInterval?: number
}

/** The TanStack Query options a pager passes through (the same for offset and cursor lists). */
export interface PagedQueryOptions {
  /** Set to `false` to hold off fetching. @default true */
  enabled?: boolean
  /** How long a loaded page counts as fresh, in milliseconds. @default 0 (the QueryClient's default) */
  staleTime?: number
  /** How long an unused page stays cached, in milliseconds. @default 5 minutes (the QueryClient's default) */
  gcTime?: number
  /** Whether and how often a failed page is retried. @default pagewise's policy: 429, 408, 5xx and network errors, up to 3 times */
  retry?: boolean | number | ((failureCount: number, error: Error) => boolean)
  /** Wait before a retry, in milliseconds. @default the server's `Retry-After`, else 1 s, 2 s, 4 s … */
  retryDelay?: number | ((failureCount: number, error: Error) => number)
  /** Refetch a stale page when the window regains focus. @default true */
  refetchOnWindowFocus?: boolean | 'always'
  /** Refetch a stale page when the pager mounts. @default true */
  refetchOnMount?: boolean | 'always'
  /** Refetch a stale page when the network comes back. @default true */
  refetchOnReconnect?: boolean | 'always'
  /** Poll the current page every this many milliseconds. @default false */
  refetchInterval?: number | false
  /** Passed to the query function and cache callbacks. */
  meta?: Record<string, unknown>
}

/** Options of `usePagedList`: a list shown one page at a time. */
export interface PagedListOptions<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>
  extends ListSource<TResponse, TItem, TParam, TQueryKey>, PagedQueryOptions {
  /** The page shown (0-based), when the caller controls it (from the URL, say). Pair it with `onPageChange`. */
  page?: number
  /** The first page shown, when the hook keeps the page itself. @default 0 */
  defaultPage?: number
  /** Called with the new page (0-based) whenever the pager moves: buttons, `setPageSize`, or a page past the end. */
  onPageChange?: (page: number) => void
  /** Called with the new page size (after clamping) when `setPageSize` changes it. */
  onPageSizeChange?: (pageSize: number) => void
}
