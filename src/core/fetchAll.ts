import { appendUnique } from './itemFlattener'
import type { GetItemId } from './itemFlattener'
import { assertAdapterShape } from './listPage'
import { defaultRetry } from './retryPolicy'
import { retrying } from './retrying'
import type { FetchAllRetry, FetchAllRetryDelay } from './retrying'
import { listShape } from './listShape'
import type { FetchPage, ListFilter, PageRequest, PaginationAdapter, SortDescriptor } from './types'
import { walkPages } from './walkPages'

/** Options of `fetchAll` and `useFetchAll`: the list to walk, as `usePaginatedList` takes it. */
export interface FetchAllOptions<TResponse, TItem, TParam> {
  /** How the API paginates: `closeOffset()`, `pipedriveCursor()`, `offsetAdapter({ … })`, … */
  adapter: PaginationAdapter<TResponse, TItem, TParam>
  /** Loads one page; gets the abort signal in `request.signal`. A fetcher made by `createFetcher` passes it on. */
  fetchPage: FetchPage<NoInfer<TResponse>, TParam>
  /**
   * Records per request. Above the adapter's `maxLimit` it is lowered to it.
   * @default adapter.maxLimit (the fewest requests)
   */
  pageSize?: number
  /**
   * The identity of a record, to drop the second copy when a record comes on two pages.
   * Records whose id is `undefined` or `null` are all kept.
   * @default (item) => item.id, when records have an `id`
   */
  getItemId?: GetItemId<TItem>
  /**
   * Whether to try a failed page again (per page; the count starts over after a page loads).
   * @default defaultRetry: 429, 408, 5xx and network errors, up to 3 times
   */
  retry?: FetchAllRetry
  /**
   * How long to wait before trying again.
   * @default defaultRetryDelay: the server's `Retry-After` (or `RateLimit` reset) when it gave one, else 1 s, 2 s, 4 s…
   */
  retryDelay?: FetchAllRetryDelay
  /** The order of the records, in the adapter's provider syntax, as the list hooks take it. */
  sort?: SortDescriptor | undefined
  /** Provider params that narrow the records, sent with every page, as the list hooks take them. */
  filter?: ListFilter | undefined
}

/** How far a `fetchAll` has got. */
export interface FetchAllProgress {
  /** Records loaded so far, without duplicates. */
  loaded: number
  /** Records in the whole list, when the API reports it (read from the latest page, as the hooks do). */
  total?: number
}

/** The second argument of `fetchAll`: cancellation and progress. */
export interface FetchAllControls {
  /** Cancels the walk: the request in flight (or the wait before a retry) is aborted and `fetchAll` rejects. */
  signal?: AbortSignal
  /** Called after each page with the records loaded so far and, when known, the total. */
  onProgress?: (progress: FetchAllProgress) => void
}

/**
 * Loads every record of a list, page after page at the adapter's largest page size, for exports and reports.
 * Rate limits and server errors are retried as the hooks do (after `Retry-After` when the server gives one); a
 * page that cannot be read rejects with its typed error (`MalformedResponseError`, `CursorLoopError`, `HttpError`…).
 * Aborting `signal` rejects with its reason (an `AbortError`) and sends no further request.
 *
 * @example
 * const controller = new AbortController()
 * const leads = await fetchAll(
 *   { adapter: closeOffset<Lead>(), fetchPage: close('/lead/') },
 *   { signal: controller.signal, onProgress: ({ loaded, total }) => console.log(loaded, total) },
 * )
 */
export async function fetchAll<TResponse, TItem, TParam>(
  options: FetchAllOptions<TResponse, TItem, TParam>,
  controls: FetchAllControls = {},
): Promise<TItem[]> {
  const { adapter } = options
  assertAdapterShape(adapter, 'fetchAll')
  const shape = listShape(adapter, options, 'fetchAll')
  const { signal = new AbortController().signal, onProgress } = controls
  signal.throwIfAborted()
  const { retry = defaultRetry, retryDelay } = options
  // Each page is tried again on its own (the count starts over after a page loads), as TanStack Query does.
  const fetchPage: FetchPage<TResponse, TParam> = (request: PageRequest<TParam>) =>
    retrying(() => options.fetchPage(request), { retry, retryDelay, signal: request.signal })
  const limit = options.pageSize ?? adapter.maxLimit
  const records: TItem[] = []
  const seen = new Set<unknown>()
  for await (const page of walkPages(adapter, fetchPage, { limit, signal, shape })) {
    // A page that arrives after the abort (from a fetchPage that ignores the signal) is not taken.
    signal.throwIfAborted()
    appendUnique(records, page.items, seen, options.getItemId)
    // The total is a hint, as in the hooks: a page without a readable one leaves it out, and loses no record.
    onProgress?.(
      page.total === undefined ? { loaded: records.length } : { loaded: records.length, total: page.total },
    )
  }
  return records
}
