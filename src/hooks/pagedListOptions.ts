import type { QueryKey } from '@tanstack/react-query'
import type { ListSource } from './listOptions'

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
