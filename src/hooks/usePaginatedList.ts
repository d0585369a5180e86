import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { PaginatedListOptions } from './listOptions'
import { buildListOptions } from './paginatedListOptions'
import { listWindowControls } from './listWindow'
import { usePaginatedListResult } from './paginatedListResult'
import type { PaginatedList } from './paginatedListResult'

/**
 * An infinite list over any paginated API: TanStack Query's `useInfiniteQuery`, driven by an adapter. Records of
 * every loaded page come flattened and de-duplicated in `items`; a failed page keeps the loaded ones, and
 * `fetchNextPage()` (or `retry()`) resumes at the page that failed. A new `sort`, `filter` or `pageSize` keeps the
 * previous records on screen (`isPlaceholderData`) until its first page lands.
 *
 * @example
 * const leads = usePaginatedList({
 *   queryKey: ['close', 'leads'],
 *   adapter: closeOffset<Lead>(),
 *   fetchPage: close('/lead/'),
 *   pageSize: 100,
 *   sort: { column: 'date_created', direction: 'descending' },
 * })
 * leads.items // Lead[]
 */
export function usePaginatedList<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>(
  options: PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
  queryClient?: QueryClient,
): PaginatedList<TResponse, TItem, TParam> {
  const client = useQueryClient(queryClient)
  const built = buildListOptions(options, 'usePaginatedList', client)
  const { queryOptions, limit, loadPage } = built
  const query = useInfiniteQuery(queryOptions, client)
  return usePaginatedListResult(query, {
    ...options,
    queryKey: queryOptions.queryKey,
    callerKey: options.queryKey,
    limit,
    client,
    loadPage,
    ...listWindowControls(options.adapter, built, options.maxPages, 'usePaginatedList'),
  })
}
