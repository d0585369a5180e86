import { createPageRequest } from './createPageRequest'
import { readPage } from './readPage'
import type { ReadPageResult } from './readPage'
import { resolveLimit } from './resolveLimit'
import type { FetchPage, PaginationAdapter } from './types'

/** One page met while walking a list. */
export interface WalkedPage<TResponse, TItem, TParam> {
  /** The page param it was requested with. */
  pageParam: TParam
  /** The raw response. */
  response: TResponse
  /** Its records, as the adapter reads them. */
  items: TItem[]
  /** 0-based position of the page in the walk. */
  pageIndex: number
}

/** Options of `walkPages`. */
export interface WalkPagesOptions {
  /** Page size; clamped to the adapter's `maxLimit`. @default adapter.defaultLimit */
  limit?: number
  /** Stops the walk and aborts the request in flight. */
  signal?: AbortSignal
}

/**
 * Walks a list from its first page to its last, one request at a time. Each page is read in full with `readPage`
 * before it is yielded, so a malformed or looping page throws its typed error and is never handed out.
 */
export async function* walkPages<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  fetchPage: FetchPage<TResponse, TParam>,
  options: WalkPagesOptions = {},
): AsyncGenerator<WalkedPage<TResponse, TItem, TParam>, void, undefined> {
  const { limit } = resolveLimit(adapter, options.limit)
  const signal = options.signal ?? new AbortController().signal
  const pages: TResponse[] = []
  const pageParams: TParam[] = []
  let pageParam: TParam | undefined = adapter.initialPageParam
  while (pageParam !== undefined) {
    signal.throwIfAborted()
    const response = await fetchPage(createPageRequest(adapter, pageParam, limit, signal))
    pages.push(response)
    pageParams.push(pageParam)
    // A page that does not read in full ends the walk with its typed error, before it is handed out.
    const { items, nextPageParam }: ReadPageResult<TItem, TParam> = readPage(adapter, pages, pageParams)
    yield { pageParam, response, items, pageIndex: pages.length - 1 }
    pageParam = nextPageParam
  }
}
