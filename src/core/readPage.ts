import type { PaginationAdapter } from './types'

/** A page as pagewise accepts it: its records and the param of the page after it. */
export interface ReadPageResult<TItem, TParam> {
  /** The page's records. */
  items: TItem[]
  /** The param of the next page, or `undefined` at the end of the list. */
  nextPageParam: TParam | undefined
}

/**
 * Reads the newest page — the last of `allPages`, requested with the last of `allPageParams` — in full: its records
 * and where the list goes next, before anything relies on it.
 * A page whose continuation is malformed or loops is refused as a whole, with the adapter's typed error, so the
 * pages loaded before it stay as they were and no half-valid page reaches the cache.
 */
export function readPage<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  allPages: TResponse[],
  allPageParams: TParam[],
): ReadPageResult<TItem, TParam> {
  const index = allPages.length - 1
  const response = allPages[index] as TResponse
  const pageParam = allPageParams[index] as TParam
  const items = adapter.getItems(response)
  const nextPageParam = adapter.getNextPageParam(response, allPages, pageParam, allPageParams)
  return { items, nextPageParam }
}
