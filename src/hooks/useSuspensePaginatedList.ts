import { useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import type { QueryClient, QueryKey, UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query'
import type { PaginatedListOptions } from './listOptions'
import { buildListOptions } from './paginatedListOptions'
import { usePaginatedListResult } from './paginatedListResult'
import type { PaginatedList } from './paginatedListResult'

/** Options of `useSuspensePaginatedList`: those of `usePaginatedList` but `enabled` and `throwOnError`. */
export type SuspensePaginatedListOptions<
  TResponse,
  TItem,
  TParam,
  TQueryKey extends QueryKey = QueryKey,
> = Omit<PaginatedListOptions<TResponse, TItem, TParam, TQueryKey>, 'enabled' | 'throwOnError'>

/**
 * `usePaginatedList` for React Suspense: the component suspends until the first page is loaded, and a failed first
 * page goes to the nearest error boundary. Later pages load as with `usePaginatedList`, errors included.
 *
 * @example
 * <Suspense fallback={<Spinner />}><Leads /></Suspense>
 * function Leads() { const leads = useSuspensePaginatedList(leadsOptions); return <LeadTable rows={leads.items} /> }
 */
export function useSuspensePaginatedList<TResponse, TItem, TParam, TQueryKey extends QueryKey = QueryKey>(
  options: SuspensePaginatedListOptions<TResponse, TItem, TParam, TQueryKey>,
  queryClient?: QueryClient,
): PaginatedList<TResponse, TItem, TParam> {
  const client = useQueryClient(queryClient)
  const { queryOptions, adapter, limit } = buildListOptions(options, {
    owner: 'useSuspensePaginatedList',
    client,
  })
  const query = useSuspenseInfiniteQuery(queryOptions, client)
  return usePaginatedListResult(
    query as UseInfiniteQueryResult<InfiniteData<TResponse, TParam>, Error>,
    adapter,
    limit,
    options.getItemId,
    'useSuspensePaginatedList',
  )
}
