import type { PaginationAdapter } from './types'

/** A page as pagewise accepts it: its records and the param of the page after it. */
export interface ReadPageResult<TItem, TParam> {
  /** The page's records. */
  items: TItem[]
  /** The param of the next page, or `undefined` at the end of the list. */
  nextPageParam: TParam | undefined
}

/**
 * Reads a freshly fetched page in full — its records and where the list goes next — before anything keeps it.
 * A page whose continuation is malformed or loops is refused as a whole, with the adapter's typed error, so the
 * pages loaded before it stay as they were and no half-valid page reaches the cache.
 */
export function readPage<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  response: TResponse,
  pageParam: TParam,
  loaded: { pages: readonly TResponse[]; pageParams: readonly TParam[] },
): ReadPageResult<TItem, TParam> {
  const items = adapter.getItems(response)
  const nextPageParam = adapter.getNextPageParam(response, [...loaded.pages, response], pageParam, [
    ...loaded.pageParams,
    pageParam,
  ])
  return { items, nextPageParam }
}
