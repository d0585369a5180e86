import { CursorLoopError } from './errors'
import { pageRequest, readListPage, resolveLimit } from './listPage'
import type { ListPage } from './listPage'
import type { ListShape } from './listShape'
import type { FetchPage, PaginationAdapter } from './types'

/** One page met while walking a list: what the adapter read from it, with where it sits. */
export interface WalkedPage<TItem, TParam> extends ListPage<TItem, TParam> {
  /** The page param it was requested with. */
  pageParam: TParam
  /** 0-based position of the page in the walk. */
  pageIndex: number
}

/** Options of `walkPages`. */
export interface WalkPagesOptions {
  /** Page size; clamped to the adapter's `maxLimit`. @default adapter.defaultLimit */
  limit?: number
  /** Stops the walk and aborts the request in flight. */
  signal?: AbortSignal
  /** The list's sort and filter, sent with every page. */
  shape?: ListShape
}

/**
 * Walks a list from its first page to its last, one request at a time. Each page is read once, with
 * `readListPage`, before it is yielded, so a malformed page throws its typed error and is never handed out; a
 * next param the walk has already requested ends it with a `CursorLoopError`.
 */
export async function* walkPages<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  fetchPage: FetchPage<TResponse, TParam>,
  options: WalkPagesOptions = {},
): AsyncGenerator<WalkedPage<TItem, TParam>, void, undefined> {
  const limit = resolveLimit(adapter, options.limit)
  const signal = options.signal ?? new AbortController().signal
  // The params requested so far, objects by their JSON: a walk may be thousands of pages long.
  const requested = new Set<unknown>()
  let pageParam: TParam | undefined = adapter.initialPageParam
  while (pageParam !== undefined) {
    signal.throwIfAborted()
    const key = typeof pageParam === 'object' && pageParam !== null ? JSON.stringify(pageParam) : pageParam
    if (requested.has(key)) throw new CursorLoopError(adapter.id, 'repeated-param', pageParam)
    requested.add(key)
    const response = await fetchPage(pageRequest(adapter, pageParam, limit, signal, options.shape))
    const page: ListPage<TItem, TParam> = readListPage(adapter, response, pageParam)
    yield { ...page, pageParam, pageIndex: requested.size - 1 }
    pageParam = page.nextPageParam
  }
}
