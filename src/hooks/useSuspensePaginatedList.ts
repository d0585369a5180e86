import { useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import type { QueryClient, QueryKey, UseInfiniteQueryResult } from '@tanstack/react-query'
import type { ListData, PaginatedListOptions } from './listOptions'
import { buildListOptions } from './paginatedListOptions'
import { listWindowControls } from './listWindow'
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
  const owner = 'useSuspensePaginatedList'
  const client = useQueryClient(queryClient)
  const built = buildListOptions(options, owner, client)
  const { queryOptions, limit, loadPage } = built
  const query = useSuspenseInfiniteQuery(queryOptions, client)
  const { adapter, getItemId, refetchMode, refreshHeadInterval } = options
  return usePaginatedListResult(query as UseInfiniteQueryResult<ListData<TItem, TParam>, Error>, {
    adapter,
    queryKey: queryOptions.queryKey,
    callerKey: options.queryKey,
    limit,
    getItemId,
    refetchMode,
    client,
    loadPage,
    ...listWindowControls(options.adapter, built, options.maxPages, owner),
    refreshHeadInterval,
  })
}
