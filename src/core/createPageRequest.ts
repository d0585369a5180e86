import { clampLimit } from './resolveLimit'
import type { PageRequest, PaginationAdapter } from './types'

/**
 * Builds the `PageRequest` handed to `fetchPage`: the adapter's query or body for `pageParam`, the clamped limit,
 * and the abort signal. Use it in a raw `useInfiniteQuery`'s `queryFn`.
 *
 * @example
 * queryFn: ({ pageParam, signal }) => fetchLeads(createPageRequest(adapter, pageParam, 100, signal))
 */
export function createPageRequest<TResponse, TItem, TParam>(
  adapter: PaginationAdapter<TResponse, TItem, TParam>,
  pageParam: TParam,
  limit: number,
  signal: AbortSignal,
): PageRequest<TParam> {
  const clamped = clampLimit(limit, adapter.maxLimit)
  const { query, body, url } = adapter.toRequest(pageParam, clamped)
  const request: PageRequest<TParam> = { pageParam, limit: clamped, query, signal }
  if (body !== undefined) request.body = body
  if (url !== undefined) request.url = url
  if (adapter.response === 'full') request.response = 'full'
  return request
}
